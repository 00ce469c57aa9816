#!/usr/bin/env python3
"""Writes recount's language data (lang/cldr/) from the Unicode CLDR JSON packages.

    scripts/cldr/generate.sh            # installs the packages with npm, then runs this
    python3 scripts/cldr/generate.py NODE_MODULES [OUT_DIR]

For every language that CLDR covers at the modern or moderate level, and for each regional
variant whose digits differ from its language's, one file `<code>.tsv` of tab-separated lines:

    decimal     the decimal mark              group     the grouping mark
    indian      1 where digits group 12,34,567
    digits      the default numbering system (latn, arab, deva, ...)
    native      the native numbering system, with its decimal and grouping marks
    percent     a percent sign, and whether it stands before or after the number
    permille    a per-mille sign, likewise
    pword       a percent word or phrase ("por ciento", "yüzde"), before or after
    mword       a per-mille word or phrase
    scale       exponent, short|long, before|after, the scale word ("3,5 Mrd.", "75 millones")
    money       ISO code, the currency's name or generic noun ("dólares", "euro")
    sign        ISO code, a currency symbol ("US$", "€", "zł")

`digits.tsv` lists the digits of every numeric numbering system, `aliases.tsv` the three-letter
codes of the languages here (as language detectors name them), `files.rs` includes every file
in the library, and `LICENSE` is CLDR's licence. Adding a language is adding its code to
EXTRA below (or lowering the coverage bar) and running this again.
"""

import json
import os
import re
import shutil
import sys

CLDR_PACKAGES = [
    "cldr-core",
    "cldr-numbers-full",
    "cldr-units-full",
    "cldr-localenames-full",
]

# Languages CLDR covers below "moderate" that recount reads all the same.
EXTRA = []

# How many of the world's currencies, by the GDP of the territories that use them, every
# language file names (besides the currencies of the language's own territory).
TOP_CURRENCIES = 40

WS = "\u00a0\u202f\u2009 "
BIDI = "\u200e\u200f\u061c"


def load(root, *path):
    with open(os.path.join(root, *path), encoding="utf-8") as f:
        return json.load(f)


def clean(s):
    """A CLDR pattern literal as written in text: quotes gone, spaces plain, marks dropped."""
    s = s.replace("''", "\x00").replace("'", "").replace("\x00", "'")
    for c in BIDI:
        s = s.replace(c, "")
    s = re.sub(f"[{WS}]+", " ", s)
    return s.strip()


def mark(s):
    """A number symbol as written: only the bidirectional marks around it dropped."""
    for c in BIDI:
        s = s.replace(c, "")
    return s


def scale_words(formats, form):
    """(exponent, form, position, word) for each compact pattern ("0 Mrd'.'" at 10^9)."""
    out = set()
    for key, pattern in formats.items():
        m = re.fullmatch(r"1(0+)-count-[a-z]+", key)
        if not m:
            continue
        power = len(m.group(1))
        pattern = pattern.split(";")[0]
        zeros = pattern.count("0")
        if zeros == 0 or pattern.strip() == "0" * zeros:
            continue
        word = clean(pattern.replace("0", ""))
        if not word or "¤" in word:
            continue
        position = "after" if pattern.lstrip(WS).startswith("0") else "before"
        out.add((power - (zeros - 1), form, position, word))
    return out


def unit_words(unit):
    """(position, phrase) for each pattern of a unit ("{0} por ciento", "yüzde {0}")."""
    out = set()
    for key, pattern in (unit or {}).items():
        if "{0}" not in pattern or key in ("displayName", "gender"):
            continue
        before, _, after = pattern.partition("{0}")
        before, after = clean(before), clean(after)
        if after and not before:
            out.add(("after", after))
        elif before and not after:
            out.add(("before", before))
    return out


def currencies_in_use(core):
    """ISO code -> the territories where it is legal tender today."""
    regions = load(core, "supplemental", "currencyData.json")["supplemental"]["currencyData"]["region"]
    used = {}
    for territory, entries in regions.items():
        for entry in entries:
            for code, info in entry.items():
                if "_to" in info or info.get("_tender") == "false":
                    continue
                used.setdefault(code, set()).add(territory)
    return used


def main():
    modules = sys.argv[1]
    out_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(__file__), "..", "..", "lang", "cldr"
    )
    core = os.path.join(modules, "cldr-core")
    numbers = os.path.join(modules, "cldr-numbers-full", "main")
    units = os.path.join(modules, "cldr-units-full", "main")
    version = load(modules, "cldr-numbers-full", "package.json")["version"]

    coverage = load(core, "coverageLevels.json")["effectiveCoverageLevels"]
    likely = load(core, "supplemental", "likelySubtags.json")["supplemental"]["likelySubtags"]
    territories = load(core, "supplemental", "territoryInfo.json")["supplemental"]["territoryInfo"]
    systems = load(core, "supplemental", "numberingSystems.json")["supplemental"]["numberingSystems"]
    names = load(modules, "cldr-localenames-full", "main", "en", "languages.json")["main"]["en"][
        "localeDisplayNames"
    ]["languages"]

    used = currencies_in_use(core)
    en_currencies = load(numbers, "en", "currencies.json")["main"]["en"]["numbers"]["currencies"]
    english_head = {
        c: info.get("displayName", c).split(" ")[-1].lower().rstrip("s")
        for c, info in en_currencies.items()
    }
    gdp = {c: sum(float(territories.get(t, {}).get("_gdp", 0)) for t in ts) for c, ts in used.items()}
    top = sorted(gdp, key=lambda c: -gdp[c])[:TOP_CURRENCIES]

    def territory_of(code):
        full = likely.get(code) or likely.get(code.split("-")[0], "")
        parts = code.split("-")
        region = [p for p in parts[1:] if len(p) == 2 and p.isupper()]
        return region[0] if region else full.split("-")[-1]

    def own_currencies(code):
        t = territory_of(code)
        return sorted(c for c, ts in used.items() if t in ts)

    def symbols_of(code):
        data = load(numbers, code, "numbers.json")["main"][code]["numbers"]
        latn = data.get("symbols-numberSystem-latn", {})
        pattern = data.get("decimalFormats-numberSystem-latn", {}).get("standard", "#,##0.###")
        return data, latn, pattern

    def number_lines(code):
        data, latn, pattern = symbols_of(code)
        lines = [("decimal", mark(latn.get("decimal", ".")))]
        lines.append(("group", mark(latn.get("group", ","))))
        integer = pattern.split(".")[0].split(";")[0]
        groups = integer.split(",")
        if len(groups) >= 3 and len(groups[-2]) == 2:
            lines.append(("indian", "1"))
        default = data.get("defaultNumberingSystem", "latn")
        lines.append(("digits", default))
        native = data.get("otherNumberingSystems", {}).get("native", default)
        if native != "latn" and systems.get(native, {}).get("_type") == "numeric":
            sym = data.get(f"symbols-numberSystem-{native}", {})
            lines.append(
                ("native", native, mark(sym.get("decimal", ".")), mark(sym.get("group", ",")))
            )
        return lines

    def lines_for(code):
        data, latn, pattern = symbols_of(code)
        lines = number_lines(code)
        percent_pattern = data.get("percentFormats-numberSystem-latn", {}).get("standard", "#,##0%")
        where = "before" if clean(percent_pattern).startswith(("%", "\u066a")) else "after"
        for sign in {clean(latn.get("percentSign", "%")), "%"}:
            lines.append(("percent", where, sign))
        for sign in {clean(latn.get("perMille", "‰")), "‰"}:
            lines.append(("permille", where, sign))
        u = load(units, code, "units.json")["main"][code]["units"]
        for size in ("long", "short", "narrow"):
            for pos, w in sorted(unit_words(u.get(size, {}).get("concentr-percent"))):
                if any(c.isalpha() for c in w):
                    lines.append(("pword", pos, w))
            for pos, w in sorted(unit_words(u.get(size, {}).get("concentr-permille"))):
                if any(c.isalpha() for c in w):
                    lines.append(("mword", pos, w))
        fmts = data.get("decimalFormats-numberSystem-latn", {})
        scales = set()
        for form in ("short", "long"):
            scales |= scale_words(fmts.get(form, {}).get("decimalFormat", {}), form)
        for exp, form, pos, word in sorted(scales, key=lambda s: (s[0], s[1], s[3])):
            lines.append(("scale", str(exp), form, pos, word))
        lines += currency_lines(code)
        # One line once, in the order first written.
        seen, unique = set(), []
        for line in lines:
            if line not in seen:
                seen.add(line)
                unique.append(line)
        return unique

    def currency_lines(code):
        cur = load(numbers, code, "currencies.json")["main"][code]["numbers"]["currencies"]
        own = own_currencies(code)
        chosen = [c for c in own + top if c in cur]
        chosen = list(dict.fromkeys(chosen))
        in_use = [c for c in used if c in cur]
        rank = {c: (0 if c in own else 1, -gdp.get(c, 0)) for c in in_use}
        # Names of every currency in use tell the generic nouns; those of the chosen ones
        # are written out.
        names, signs, every = {}, {}, {}
        for c in in_use:
            for key, value in cur[c].items():
                value = clean(value)
                if not value:
                    continue
                if key.startswith("displayName"):
                    every.setdefault(value.lower(), set()).add(c)
                    if c in chosen:
                        names.setdefault(value.lower(), set()).add(c)
                elif key.startswith("symbol") and value != c and c in chosen:
                    signs.setdefault(value, set()).add(c)

        def edge_words(exclude):
            """Word -> currencies whose names begin or end with it; a word next to one of
            `exclude` modifies it ("nuevo" in "nuevo dólar taiwanés") and is left out."""
            edges = {}
            for name, cs in every.items():
                words = name.split(" ")
                if len(words) < 2:
                    continue
                for w, beside in ((words[0], words[1]), (words[-1], words[-2])):
                    # One letter is a noun only in the scripts of Korean and Chinese ("원").
                    long_enough = len(w) > 1 or ord(w[0]) >= 0x1100
                    if long_enough and any(ch.isalpha() for ch in w) and beside not in exclude:
                        edges.setdefault(w, set()).update(cs)
            return {w: cs for w, cs in edges.items() if len(cs) >= 2}

        first = edge_words(set())
        edges = {}
        for word in edge_words(set(first) | set(every)):
            # Every currency a name of which begins or ends with the word ("米ドル" too)...
            cs = {c for name, ns in every.items() for c in ns if name.startswith(word) or name.endswith(word)}
            # ...is the same kind of money in English ("dollar"): "rupia" of the rupee and
            # the rupiah is no one currency's noun.
            # A writer means the language's own currency by its noun ("kronor" in Swedish)
            # whatever English calls the others.
            if len({english_head[c] for c in cs}) == 1 or cs & set(own):
                edges[word] = cs
        # The noun of the language's own currency alone ("2,5 milhões de reais", "10 rupees"),
        # which no other currency shares: at the end of its names where the generic nouns
        # stand in this language ("dólares canadienses": first; "Canadian dollars": last).
        ends = [0, 0]
        for name in every:
            words = name.split(" ")
            if len(words) >= 2:
                ends[0] += words[0] in first
                ends[1] += words[-1] in first
        head_at = 0 if ends[0] > ends[1] else -1
        own_nouns = {}
        for name, cs in every.items():
            words = name.split(" ")
            if len(words) < 2 or len(cs) != 1:
                continue
            (c,) = cs
            w = words[head_at]
            if c in own and c in chosen and len(w) > 1 and w.isalpha() and w not in every and w not in first:
                own_nouns.setdefault(w, set()).add(c)
        lines = []
        best = lambda cs: min(cs, key=lambda c: rank[c])
        for name, cs in sorted(names.items()):
            lines.append(("money", best(cs), name))
        # A word that begins or ends the names of two currencies or more is the generic noun
        # ("dólares" of "dólares estadounidenses" and "dólares canadienses").
        for word, cs in sorted(edges.items()):
            # Only for the currencies written out: "sons" is no Uzbek som in Portuguese.
            if word not in every and best(cs) in chosen:
                lines.append(("money", best(cs), word))
        for word, cs in sorted(own_nouns.items()):
            if word not in edges and len(cs) == 1:
                lines.append(("money", best(cs), word))
        for sign, cs in sorted(signs.items()):
            lines.append(("sign", best(cs), sign))
        return lines

    base = sorted(
        c
        for c, level in coverage.items()
        if "-" not in c and c != "und" and level in ("modern", "moderate")
    )
    base += [c for c in EXTRA if c not in base]
    base = [c for c in base if os.path.isdir(os.path.join(numbers, c))]
    # Regional variants whose digits are written otherwise than their language's.
    variants = []
    for c, level in sorted(coverage.items()):
        lang = c.split("-")[0]
        if "-" not in c or lang not in base or level != "modern":
            continue
        if not os.path.isdir(os.path.join(numbers, c)) or not os.path.isdir(os.path.join(units, c)):
            continue
        if number_lines(c) != number_lines(lang):
            variants.append(c)

    os.makedirs(out_dir, exist_ok=True)
    for f in os.listdir(out_dir):
        if f.endswith(".tsv"):
            os.remove(os.path.join(out_dir, f))
    header = (
        "# recount language data for {code} ({name}), written by scripts/cldr/generate.py from\n"
        f"# Unicode CLDR {version} (cldr-json). CLDR data: Copyright (c) Unicode, Inc.,\n"
        "# Unicode License v3 (lang/cldr/LICENSE). Do not edit: run the generator.\n"
    )
    written = []
    for code in base:
        body = [("code", code), ("name", names.get(code, code))]
        body += lines_for(code)
        write(out_dir, code, header.format(code=code, name=names.get(code, code)), body)
        written.append(code)
    for code in variants:
        lang = code.split("-")[0]
        body = [("code", code), ("name", names.get(code, code)), ("parent", lang)]
        parent = set(lines_for(lang))
        body += [line for line in lines_for(code) if line not in parent]
        write(out_dir, code, header.format(code=code, name=names.get(code, code)), body)
        written.append(code)

    with open(os.path.join(out_dir, "digits.tsv"), "w", encoding="utf-8") as f:
        f.write(header.format(code="all", name="numbering systems"))
        f.write("# system<TAB>its ten digits, 0 to 9\n")
        for name, info in sorted(systems.items()):
            if info.get("_type") == "numeric" and name != "latn":
                f.write(f"{name}\t{info['_digits']}\n")
    aliases = load(core, "supplemental", "aliases.json")["supplemental"]["metadata"]["alias"][
        "languageAlias"
    ]
    with open(os.path.join(out_dir, "aliases.tsv"), "w", encoding="utf-8") as f:
        f.write(header.format(code="all", name="language code aliases"))
        f.write("# a three-letter ISO 639 code<TAB>the code of its file here\n")
        for alias, info in sorted(aliases.items()):
            target = info.get("_replacement", "")
            if len(alias) == 3 and alias.isalpha() and target in written:
                f.write(f"{alias}\t{target}\n")
    with open(os.path.join(out_dir, "files.rs"), "w", encoding="utf-8") as f:
        f.write(f"// Written by scripts/cldr/generate.py from Unicode CLDR {version}. Do not edit.\n")
        f.write(f"pub const CLDR_VERSION: &str = \"{version}\";\n")
        f.write("pub const DIGITS: &str = include_str!(\"digits.tsv\");\n")
        f.write("pub const ALIASES: &str = include_str!(\"aliases.tsv\");\n")
        f.write("pub const FILES: &[(&str, &str)] = &[\n")
        for code in written:
            f.write(f"    (\"{code}\", include_str!(\"{code}.tsv\")),\n")
        f.write("];\n")
    shutil.copy(os.path.join(core, "LICENSE"), os.path.join(out_dir, "LICENSE"))
    print(f"CLDR {version}: {len(base)} languages and {len(variants)} regional variants in {out_dir}")


def write(out_dir, code, header, lines):
    with open(os.path.join(out_dir, f"{code}.tsv"), "w", encoding="utf-8") as f:
        f.write(header)
        for line in lines:
            assert all("\t" not in x and "\n" not in x for x in line), line
            f.write("\t".join(line) + "\n")


if __name__ == "__main__":
    main()
