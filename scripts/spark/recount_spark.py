"""recount over a corpus on Apache Spark: each partition of JSON Lines records is piped
through `recount check --input jsonl --format jsonl` (RDD.pipe), and the findings are written
as JSON Lines (or Parquet).

    python recount_spark.py --recount PATH/TO/recount --out OUT_DIR CORPUS_FILE_OR_DIR ...

Each non-empty line of a text file is a record {"id": "FILE:LINE", "text": LINE}; a .jsonl
input is taken as records already. Spark runs where `--master` says (local[*] by default);
the recount binary must be at the same path on every worker.
"""

import argparse
import json
import os
import time

from pyspark.sql import SparkSession


def records(spark, paths):
    """The inputs as an RDD of JSON Lines records (strings)."""
    sc = spark.sparkContext
    rdds = []
    for path in paths:
        files = (
            [os.path.join(path, f) for f in sorted(os.listdir(path))]
            if os.path.isdir(path)
            else [path]
        )
        for f in files:
            if f.endswith(".jsonl"):
                rdds.append(sc.textFile(f))
            elif f.endswith(".txt") and not os.path.basename(f).startswith("README"):
                name = os.path.basename(f)
                rdds.append(
                    sc.textFile(f)
                    .zipWithIndex()
                    .filter(lambda li: li[0].strip())
                    .map(lambda li, n=name: json.dumps({"id": f"{n}:{li[1] + 1}", "text": li[0]}))
                )
    return sc.union(rdds)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--recount", required=True, help="path of the recount binary")
    ap.add_argument("--out", required=True, help="folder to write the findings to")
    ap.add_argument("--parquet", action="store_true", help="write Parquet, not JSON Lines")
    ap.add_argument("--master", default="local[*]")
    ap.add_argument("--partitions", type=int, default=0, help="0: Spark's default")
    args = ap.parse_args()

    spark = (
        SparkSession.builder.master(args.master)
        .appName("recount")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    start = time.time()
    rdd = records(spark, args.inputs)
    if args.partitions:
        rdd = rdd.repartition(args.partitions)
    rdd = rdd.cache()
    n = rdd.count()
    # One thread per recount: Spark already runs a task per core.
    command = [args.recount, "check", "--input", "jsonl", "--format", "jsonl",
               "--fail-on", "never", "--threads", "1", "--quiet"]
    findings = rdd.pipe(" ".join(command)).cache()
    if args.parquet:
        spark.read.json(findings).write.mode("overwrite").parquet(args.out)
    else:
        findings.saveAsTextFile(args.out)
    verdicts = (
        findings.flatMap(lambda line: json.loads(line).get("findings", []))
        .map(lambda f: (f["verdict"], 1))
        .reduceByKey(lambda a, b: a + b)
        .collectAsMap()
    )
    seconds = time.time() - start
    print(json.dumps({"records": n, "output_lines": findings.count(),
                      "findings": dict(sorted(verdicts.items())),
                      "seconds": round(seconds, 1), "records_per_second": round(n / seconds)}))
    spark.stop()


if __name__ == "__main__":
    main()
