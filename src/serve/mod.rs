//! `recount serve`: a page where an editor pastes text or drops a file and sees every figure
//! and claim of it checked, and the JSON API the page uses. It binds to 127.0.0.1 only, and
//! nothing it serves asks for anything outside the machine.
//!
//! # API
//!
//! Every endpoint takes `POST` with one of two bodies:
//!
//! - JSON (`Content-Type: application/json`):
//!   `{"text": "…", "name": "article.md", "locale": "auto", "select": ["…"], "ignore": ["…"]}`;
//!   only `text` is required. `name` picks the reader by its extension (txt, md, html; plain
//!   text when absent).
//! - a file's bytes (any other content type), named by the query: `/api/check?name=a.docx`
//!   (txt, md, html, docx, pdf), optionally with `&locale=de`.
//!
//! and answers JSON:
//!
//! - `POST /api/check`: `{"text": …, "check": {…}, "numbers": {…}}`: `text` is the text
//!   the positions refer to (a Markdown or HTML file with its markup blanked, a DOCX's
//!   paragraphs), `check` one file object of `recount check --format json` with every verdict
//!   (ok and unverifiable too; schema in `src/report/check.rs`), `numbers` one file object of
//!   `recount numbers --format json`, with the locale evidence (schema in
//!   `src/report/numbers.rs`). Positions are byte offsets into `text`.
//! - `POST /api/numbers`: the `numbers` object alone.
//! - `POST /api/draft`: `{"yaml": "…"}`, the claim file `recount draft` writes for the text.
//!
//! Errors are `{"error": "…"}` with 400 (a body that is not the JSON above, a file that cannot
//! be read, an unknown rule or locale), 404, 405, 408 (the body took over [`Limits::read`]), 413 (a body
//! over [`Limits::body`], 20 MB by default) or 503 (the check took longer than
//! [`Limits::work`]). `GET /` is the page; `GET /api` lists the endpoints.

use crate::config::Settings;
use crate::source::{self, Document, Format};
use axum::body::Body as HttpBody;
use axum::http::{HeaderValue, Method, Request, Response, StatusCode, header};
use serde::Deserialize;
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::time::Duration;

/// The page, shipped inside the binary.
const PAGE: &str = include_str!("page.html");

/// What one request may take.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The largest body accepted, in bytes.
    pub body: usize,
    /// How long the client may take to send a request body.
    pub read: Duration,
    /// How long a check may run before the request is answered with 503.
    pub work: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            body: 20 * 1024 * 1024,
            read: Duration::from_secs(30),
            work: Duration::from_secs(60),
        }
    }
}

/// A bound server, not yet answering.
pub struct Server {
    runtime: tokio::runtime::Runtime,
    listener: tokio::net::TcpListener,
    limits: Limits,
}

impl Server {
    /// Binds 127.0.0.1:`port` (0 picks a free port). The checks run on at most `workers`
    /// threads at once, beside the runtime's own two.
    pub fn bind(port: u16, limits: Limits, workers: usize) -> std::io::Result<Server> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .max_blocking_threads(workers.max(1))
            .enable_io()
            .enable_time()
            .build()?;
        let listener = runtime.block_on(tokio::net::TcpListener::bind(("127.0.0.1", port)))?;
        Ok(Server {
            runtime,
            listener,
            limits,
        })
    }

    /// The address it listens on.
    pub fn addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Answers requests until the process ends.
    pub fn run(self) -> std::io::Result<()> {
        let limits = self.limits;
        let app = axum::Router::new().fallback(move |rq: Request<HttpBody>| answer(rq, limits));
        self.runtime
            .block_on(async move { axum::serve(self.listener, app).await })
    }
}

/// A response: status and JSON or page body.
struct Reply {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
}

impl Reply {
    fn json(status: u16, v: &Value) -> Reply {
        Reply {
            status,
            content_type: "application/json; charset=utf-8",
            body: serde_json::to_vec(v).unwrap_or_default(),
        }
    }

    fn error(status: u16, message: impl Into<String>) -> Reply {
        Reply::json(status, &json!({ "error": message.into() }))
    }
}

async fn answer(rq: Request<HttpBody>, limits: Limits) -> Response<HttpBody> {
    let reply = route(rq, limits).await;
    let mut response = Response::new(HttpBody::from(reply.body));
    *response.status_mut() =
        StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(reply.content_type),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // The page loads nothing from elsewhere, and may send requests only to this server.
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data: blob:",
        ),
    );
    response
}

async fn route(rq: Request<HttpBody>, limits: Limits) -> Reply {
    let path = rq.uri().path().to_string();
    let query = rq.uri().query().unwrap_or("").to_string();
    let endpoint = match path.as_str() {
        "/" | "/index.html" => {
            if rq.method() != Method::GET && rq.method() != Method::HEAD {
                return Reply::error(405, "GET / is the page");
            }
            return Reply {
                status: 200,
                content_type: "text/html; charset=utf-8",
                body: PAGE.as_bytes().to_vec(),
            };
        }
        "/api" => {
            return Reply::json(
                200,
                &json!({"endpoints": ["POST /api/check", "POST /api/numbers", "POST /api/draft"]}),
            );
        }
        "/api/check" => Endpoint::Check,
        "/api/numbers" => Endpoint::Numbers,
        "/api/draft" => Endpoint::Draft,
        _ => return Reply::error(404, format!("no such page or endpoint: {path}")),
    };
    if rq.method() != Method::POST {
        return Reply::error(405, format!("{path} takes POST"));
    }
    let is_json = rq
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("application/json"));
    let too_large = || {
        Reply::error(
            413,
            format!(
                "the request body is larger than {} MB; check a shorter text",
                limits.body / (1024 * 1024)
            ),
        )
    };
    let declared = rq
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limits.body as u64) {
        return too_large();
    }
    let read = axum::body::to_bytes(rq.into_body(), limits.body);
    let body = match tokio::time::timeout(limits.read, read).await {
        Err(_) => return Reply::error(408, "the request body came too slowly"),
        Ok(Err(e)) => {
            let over = std::error::Error::source(&e)
                .is_some_and(|s| s.is::<http_body_util::LengthLimitError>())
                || e.to_string().contains("length limit");
            if over {
                return too_large();
            }
            return Reply::error(400, format!("cannot read the request body: {e}"));
        }
        Ok(Ok(b)) => b,
    };
    // The check runs on a thread of its own so that one that takes too long is answered (the
    // thread finishes its work and ends).
    let work = tokio::task::spawn_blocking(move || {
        Job::parse(&body, is_json, &query).and_then(|job| job.run(endpoint))
    });
    match tokio::time::timeout(limits.work, work).await {
        Ok(Ok(Ok(v))) => Reply::json(200, &v),
        Ok(Ok(Err(e))) => Reply::error(400, e),
        Ok(Err(_)) => Reply::error(500, "internal error: the check failed on this input"),
        Err(_) => Reply::error(
            503,
            format!(
                "the check took longer than {} s: send a shorter text",
                limits.work.as_secs()
            ),
        ),
    }
}

#[derive(Debug, Clone, Copy)]
enum Endpoint {
    Check,
    Numbers,
    Draft,
}

/// The JSON body of a request.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Body {
    text: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    locale: Option<String>,
    #[serde(default)]
    select: Option<Vec<String>>,
    #[serde(default)]
    ignore: Option<Vec<String>>,
}

/// One request's document and settings.
struct Job {
    doc: Document,
    settings: Settings,
}

impl Job {
    fn parse(body: &[u8], is_json: bool, query: &str) -> Result<Job, String> {
        let mut settings = Settings::default();
        let (doc, locale) = if is_json {
            let b: Body = serde_json::from_slice(body).map_err(|e| {
                format!(
                    "expected {{\"text\": …, \"name\"?, \"locale\"?, \"select\"?, \"ignore\"?}}: {e}"
                )
            })?;
            for id in b.select.iter().chain(&b.ignore).flatten() {
                if crate::claims::rule(id).is_none() {
                    return Err(format!("unknown rule \"{id}\""));
                }
            }
            settings.select = b.select;
            settings.ignore = b.ignore.unwrap_or_default();
            let name = b.name.unwrap_or_else(|| "pasted.txt".to_string());
            let format = Format::for_path(&name);
            if matches!(format, Format::Docx | Format::Pdf) {
                return Err("a DOCX or PDF file is sent as its bytes, not as JSON text".into());
            }
            let doc = source::decode_as(&name, b.text.into_bytes(), None, format)
                .map_err(|e| e.to_string())?;
            (doc, b.locale)
        } else {
            let mut name = "upload.txt".to_string();
            let mut locale = None;
            for (k, v) in form_urlencoded::parse(query.as_bytes()) {
                match &*k {
                    "name" => name = v.into_owned(),
                    "locale" => locale = Some(v.into_owned()),
                    _ => {}
                }
            }
            let doc = source::decode_as(&name, body.to_vec(), None, Format::for_path(&name))
                .map_err(|e| e.to_string())?;
            (doc, locale)
        };
        if let Some(l) = locale {
            if crate::locale::Setting::parse(&l).is_none() {
                return Err(format!(
                    "unknown locale \"{l}\" (expected one of {})",
                    crate::locale::Setting::NAMES.join(", ")
                ));
            }
            settings.locale = l;
        }
        Ok(Job { doc, settings })
    }

    fn run(&self, endpoint: Endpoint) -> Result<Value, String> {
        use crate::report::{check as cr, numbers as nr};
        let doc = &self.doc;
        let setting = self.settings.locale_setting();
        let json = |v: Result<Value, serde_json::Error>| v.map_err(|e| e.to_string());
        match endpoint {
            Endpoint::Draft => {
                let yaml = crate::claims::draft::draft(doc, &doc.path, setting);
                Ok(json!({ "yaml": yaml }))
            }
            Endpoint::Numbers => {
                let r = crate::recognize(&doc.text, setting);
                json(serde_json::to_value(nr::file_out(doc, &r)))
            }
            Endpoint::Check => {
                let r = crate::recognize(&doc.text, setting);
                let outcomes = self.settings.check_recognized(doc, &r);
                let check = cr::file_out(doc, &outcomes, |_| true);
                Ok(json!({
                    "text": doc.text,
                    "check": json(serde_json::to_value(check))?,
                    "numbers": json(serde_json::to_value(nr::file_out(doc, &r)))?,
                }))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    /// Starts a server with `limits` on a free port, answering until the test process ends.
    fn start(limits: Limits) -> SocketAddr {
        let server = Server::bind(0, limits, 2).expect("bind");
        let addr = server.addr().expect("addr");
        std::thread::spawn(move || server.run());
        addr
    }

    fn exchange(addr: SocketAddr, request: &[u8], pause: Duration) -> String {
        let mut s = std::net::TcpStream::connect(addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        s.write_all(request).expect("send");
        std::thread::sleep(pause);
        let mut out = String::new();
        let _ = s.read_to_string(&mut out);
        out
    }

    #[test]
    fn a_body_that_stops_coming_gets_408_and_a_slow_check_503() {
        let addr = start(Limits {
            body: 1024,
            read: Duration::from_millis(300),
            work: Duration::from_secs(30),
        });
        let partial = b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"text\": ";
        let t = std::time::Instant::now();
        let out = exchange(addr, partial, Duration::ZERO);
        assert!(out.starts_with("HTTP/1.1 408"), "{out}");
        assert!(out.contains("too slowly"), "{out}");
        assert!(t.elapsed() < Duration::from_secs(5));
        let big = b"POST /api/numbers HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n";
        let out = exchange(addr, big, Duration::ZERO);
        assert!(out.starts_with("HTTP/1.1 413"), "{out}");
        assert!(out.contains("larger than"), "{out}");

        let addr = start(Limits {
            body: 4 << 20,
            read: Duration::from_secs(5),
            work: Duration::from_millis(1),
        });
        let text = "That is 40% of 30%, or 20% of all voters. ".repeat(20_000);
        let body = format!("{{\"text\": \"{text}\"}}");
        let rq = format!(
            "POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        let out = exchange(addr, rq.as_bytes(), Duration::ZERO);
        assert!(out.starts_with("HTTP/1.1 503"), "{out}");
        assert!(out.contains("took longer than"), "{out}");
    }

    #[test]
    fn the_api_answers_what_the_page_reads() {
        let job = Job::parse(
            br#"{"text": "<p>That is 40% of 30%, or 20% of all voters.</p>", "name": "a.html", "ignore": ["sum"]}"#,
            true,
            "",
        )
        .expect("a job");
        let v = job.run(Endpoint::Check).expect("checked");
        let f = &v["check"]["findings"][0];
        assert_eq!(f["verdict"], "mismatch");
        assert_eq!(f["rule"], "share-of-share");
        // Positions are byte offsets into the returned text, markup blanked.
        let text = v["text"].as_str().expect("text");
        let (s, e) = (
            f["start"].as_u64().unwrap() as usize,
            f["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], "20%");
        assert!(text.starts_with("   That"));
        assert!(v["numbers"]["locale"]["setting"].is_string());
        let e = Job::parse(br#"{"text": "x", "select": ["sums"]}"#, true, "")
            .err()
            .expect("an unknown rule");
        assert!(e.contains("\"sums\""), "{e}");
        let e = Job::parse(b"x", false, "name=a.txt&locale=xx")
            .err()
            .expect("an unknown locale");
        assert!(e.contains("unknown locale"), "{e}");
        let yaml = Job::parse(
            b"That is 40% of 30%, or 20% of all voters.",
            false,
            "name=d%20e.md",
        )
        .and_then(|j| j.run(Endpoint::Draft))
        .expect("a draft");
        assert!(
            yaml["yaml"].as_str().unwrap().contains("article: d e.md"),
            "{yaml}"
        );
    }
}
