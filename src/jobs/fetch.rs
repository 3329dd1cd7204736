//! Fetching a posting from a URL: http and https only, bounded in time, redirects and size,
//! decoded by the charset the server or the page declares.

use std::io::Read;
use std::time::Duration;

/// Limits of one fetch.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub connect_timeout: Duration,
    pub total_timeout: Duration,
    pub max_bytes: u64,
    pub max_redirects: usize,
    /// Refuse loopback, private, link-local and other non-public addresses (the window's
    /// fetches; the command line may fetch local pages).
    pub public_only: bool,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(30),
            max_bytes: 5 * 1024 * 1024,
            max_redirects: 5,
            public_only: false,
        }
    }
}

/// A fetched page.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub final_url: String,
    pub content_type: Option<String>,
    pub text: String,
}

/// Why a posting could not be fetched, in words a person can act on.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("\"{0}\" is not a web address; give one that starts with http:// or https://")]
    BadUrl(String),
    #[error("only http and https addresses can be fetched, not {0}:")]
    Scheme(String),
    #[error("could not reach {0}: check the address and your connection")]
    Connect(String),
    #[error("{0} did not answer in time")]
    Timeout(String),
    #[error("{0} redirected more than {1} times")]
    TooManyRedirects(String, usize),
    #[error("{0} is larger than {1} MB; save the posting's text and import the file instead")]
    TooLarge(String, u64),
    #[error("{0} answered HTTP {1}")]
    Status(String, u16),
    #[error("{0} is {1}, not a web page or text")]
    NotText(String, String),
    #[error("fetching {0} failed: {1}")]
    Other(String, String),
    #[error("{0} is a local or private address; the app fetches public web pages only (the command line `cuecard job add URL` can fetch local ones)")]
    NotPublic(String),
}

/// Whether an address is one the public internet could serve: not loopback, private,
/// link-local, shared, documentation, multicast or unspecified.
pub fn is_public(ip: std::net::IpAddr) -> bool {
    use std::net::IpAddr;
    match ip {
        IpAddr::V4(v) => {
            let o = v.octets();
            !(v.is_loopback()
                || v.is_private()
                || v.is_link_local()
                || v.is_broadcast()
                || v.is_documentation()
                || v.is_unspecified()
                || v.is_multicast()
                || o[0] == 0
                || (o[0] == 100 && (o[1] & 0xC0) == 64)
                || (o[0] == 198 && (o[1] & 0xFE) == 18)
                || o[0] >= 240)
        }
        IpAddr::V6(v) => {
            if let Some(v4) = v.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let seg = v.segments();
            !(v.is_loopback()
                || v.is_unspecified()
                || v.is_multicast()
                || (seg[0] & 0xfe00) == 0xfc00
                || (seg[0] & 0xffc0) == 0xfe80
                || seg[0] == 0x2001 && seg[1] == 0x0db8)
        }
    }
}

/// The addresses a URL's host resolves to, all of them public, or why not.
fn public_addrs(url: &reqwest::Url) -> Result<Vec<std::net::SocketAddr>, FetchError> {
    use std::net::ToSocketAddrs;
    let host = url
        .host_str()
        .ok_or_else(|| FetchError::BadUrl(url.to_string()))?
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string();
    let port = url.port_or_known_default().unwrap_or(80);
    let addrs: Vec<std::net::SocketAddr> = (host.as_str(), port)
        .to_socket_addrs()
        .map_err(|_| FetchError::Connect(url.to_string()))?
        .collect();
    if addrs.is_empty() || addrs.iter().any(|a| !is_public(a.ip())) {
        return Err(FetchError::NotPublic(url.to_string()));
    }
    Ok(addrs)
}

const USER_AGENT: &str = concat!(
    "Mozilla/5.0 (X11; Linux x86_64) Cuecard/",
    env!("CARGO_PKG_VERSION"),
    " (job posting reader)"
);

fn charset_of(content_type: Option<&str>) -> Option<String> {
    let ct = content_type?.to_ascii_lowercase();
    let at = ct.find("charset=")?;
    Some(
        ct[at + 8..]
            .split(';')
            .next()?
            .trim()
            .trim_matches('"')
            .to_string(),
    )
}

/// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in
/// the first bytes of a page.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")?;
    let rest = head[at + 8..].trim_start_matches(['"', '\'']);
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))?;
    (end > 0).then(|| rest[..end].to_string())
}

fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    let label = charset_of(content_type).or_else(|| meta_charset(bytes));
    let encoding = label
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    encoding.decode(bytes).0.into_owned()
}

/// Fetches `url` as text.
pub fn fetch(url: &str, options: &FetchOptions) -> Result<Fetched, FetchError> {
    let url = url.trim();
    let parsed = reqwest::Url::parse(url).map_err(|_| FetchError::BadUrl(url.to_string()))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(FetchError::Scheme(parsed.scheme().to_string()));
    }
    let max_redirects = options.max_redirects;
    let public_only = options.public_only;
    let mut builder = reqwest::blocking::Client::builder();
    if public_only {
        // The host is resolved here and the connection pinned to what was checked, so a
        // second lookup cannot turn it into a local address.
        let addrs = public_addrs(&parsed)?;
        if let Some(host) = parsed.host_str() {
            builder = builder.resolve_to_addrs(host, &addrs);
        }
    }
    let client = builder
        .connect_timeout(options.connect_timeout)
        .timeout(options.total_timeout)
        .redirect(reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() > max_redirects {
                attempt.error("too many redirects")
            } else if !matches!(attempt.url().scheme(), "http" | "https") {
                attempt.stop()
            } else if public_only && public_addrs(attempt.url()).is_err() {
                attempt.error("a redirect to a local or private address")
            } else {
                attempt.follow()
            }
        }))
        .user_agent(USER_AGENT)
        .build()
        .map_err(|e| FetchError::Other(url.to_string(), e.to_string()))?;
    // One deadline for the whole fetch, body included: a server that drips a byte now and
    // then is cut off when the time is up, not when it pauses.
    let started = std::time::Instant::now();
    let response = client.get(parsed).send().map_err(|e| {
        if e.is_timeout() {
            FetchError::Timeout(url.to_string())
        } else if e.is_redirect() {
            FetchError::TooManyRedirects(url.to_string(), max_redirects)
        } else if e.is_connect() {
            FetchError::Connect(url.to_string())
        } else {
            FetchError::Other(url.to_string(), e.to_string())
        }
    })?;
    let final_url = response.url().to_string();
    let status = response.status();
    if !status.is_success() {
        return Err(FetchError::Status(final_url, status.as_u16()));
    }
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if let Some(ct) = &content_type {
        let ct = ct.to_ascii_lowercase();
        let texty = ct.starts_with("text/")
            || ct.contains("html")
            || ct.contains("xml")
            || ct.contains("json");
        if !texty {
            return Err(FetchError::NotText(final_url, ct));
        }
    }
    if response
        .content_length()
        .is_some_and(|n| n > options.max_bytes)
    {
        return Err(FetchError::TooLarge(
            final_url,
            options.max_bytes / (1024 * 1024),
        ));
    }
    let mut bytes = Vec::new();
    let mut body = response.take(options.max_bytes + 1);
    let mut chunk = [0u8; 16 * 1024];
    loop {
        if started.elapsed() > options.total_timeout {
            return Err(FetchError::Timeout(final_url));
        }
        match body.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => bytes.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                return Err(if e.to_string().contains("timed out") {
                    FetchError::Timeout(final_url.clone())
                } else {
                    FetchError::Other(final_url.clone(), e.to_string())
                })
            }
        }
    }
    if bytes.len() as u64 > options.max_bytes {
        return Err(FetchError::TooLarge(
            final_url,
            options.max_bytes / (1024 * 1024),
        ));
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(FetchError::NotText(final_url, "binary data".to_string()));
    }
    let text = decode(&bytes, content_type.as_deref());
    Ok(Fetched {
        final_url,
        content_type,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_and_private_addresses_are_not_public() {
        for a in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(!is_public(a.parse().unwrap()), "{a}");
        }
        for a in ["93.184.216.34", "2606:4700::1111", "8.8.8.8"] {
            assert!(is_public(a.parse().unwrap()), "{a}");
        }
    }

    #[test]
    fn the_window_cannot_fetch_a_local_address() {
        let options = FetchOptions {
            public_only: true,
            ..FetchOptions::default()
        };
        for url in [
            "http://127.0.0.1:9/",
            "http://localhost:9/job",
            "http://[::1]:9/",
        ] {
            match fetch(url, &options) {
                Err(FetchError::NotPublic(_)) => {}
                other => panic!("{url}: {other:?}"),
            }
        }
    }
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;

    /// A tiny HTTP server on 127.0.0.1 answering each request with `reply(path)`.
    fn serve(reply: impl Fn(&str) -> Vec<u8> + Send + 'static) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            for stream in listener.incoming().take(20) {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut first = String::new();
                let _ = reader.read_line(&mut first);
                loop {
                    let mut l = String::new();
                    if reader.read_line(&mut l).unwrap_or(0) == 0 || l == "\r\n" {
                        break;
                    }
                }
                let path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
                let _ = stream.write_all(&reply(&path));
            }
        });
        format!("http://{addr}")
    }

    fn ok(ct: &str, body: &[u8]) -> Vec<u8> {
        let mut r = format!("HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len()).into_bytes();
        r.extend_from_slice(body);
        r
    }

    fn quick() -> FetchOptions {
        FetchOptions {
            connect_timeout: Duration::from_secs(2),
            total_timeout: Duration::from_millis(800),
            max_bytes: 64 * 1024,
            max_redirects: 5,
            public_only: false,
        }
    }

    #[test]
    fn charset_from_header_and_from_meta() {
        let base = serve(|path| {
            match path {
            "/latin1" => ok("text/plain; charset=ISO-8859-1", b"Caf\xe9 and Kafka"),
            _ => ok("text/html", b"<html><head><meta charset=\"windows-1252\"></head><body>Na\xefve \x93quotes\x94</body></html>"),
        }
        });
        let a = fetch(&format!("{base}/latin1"), &quick()).unwrap();
        assert_eq!(a.text, "Café and Kafka");
        let b = fetch(&format!("{base}/meta"), &quick()).unwrap();
        assert!(b.text.contains("Naïve “quotes”"), "{}", b.text);
        assert_eq!(b.content_type.as_deref(), Some("text/html"));
    }

    #[test]
    fn redirects_are_followed_up_to_five() {
        let base = serve(|path| {
            let n: usize = path.trim_start_matches('/').parse().unwrap_or(0);
            if n == 0 {
                ok("text/plain", b"landed")
            } else {
                format!("HTTP/1.1 302 Found\r\nLocation: /{}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", n - 1).into_bytes()
            }
        });
        let landed = fetch(&format!("{base}/5"), &quick()).unwrap();
        assert_eq!(landed.text, "landed");
        assert!(landed.final_url.ends_with("/0"));
        let err = fetch(&format!("{base}/6"), &quick()).unwrap_err();
        assert!(matches!(err, FetchError::TooManyRedirects(..)), "{err}");
    }

    #[test]
    fn status_size_type_and_scheme_errors() {
        let base = serve(|path| match path {
            "/missing" => {
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec()
            }
            "/big" => ok("text/plain", &vec![b'a'; 100 * 1024]),
            "/pdf" => ok("application/pdf", b"%PDF-1.4"),
            _ => ok("text/plain", b"fine"),
        });
        assert!(matches!(
            fetch(&format!("{base}/missing"), &quick()).unwrap_err(),
            FetchError::Status(_, 404)
        ));
        assert!(matches!(
            fetch(&format!("{base}/big"), &quick()).unwrap_err(),
            FetchError::TooLarge(..)
        ));
        assert!(matches!(
            fetch(&format!("{base}/pdf"), &quick()).unwrap_err(),
            FetchError::NotText(..)
        ));
        assert!(matches!(
            fetch("ftp://127.0.0.1/x", &quick()).unwrap_err(),
            FetchError::Scheme(_)
        ));
        assert!(matches!(
            fetch("not a url", &quick()).unwrap_err(),
            FetchError::BadUrl(_)
        ));
    }

    #[test]
    fn a_server_that_drips_its_body_is_cut_off_at_the_deadline() {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            if let Ok((mut stream, _)) = listener.accept() {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                loop {
                    let mut l = String::new();
                    if reader.read_line(&mut l).unwrap_or(0) == 0 || l == "\r\n" {
                        break;
                    }
                }
                let _ = stream.write_all(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n",
                );
                // A byte every 200 ms: each read is quick, the whole would take 200 s.
                for _ in 0..1000 {
                    if stream.write_all(b"a").is_err() {
                        break;
                    }
                    let _ = stream.flush();
                    std::thread::sleep(Duration::from_millis(200));
                }
            }
        });
        let started = std::time::Instant::now();
        let err = fetch(&format!("http://{addr}/"), &quick()).unwrap_err();
        assert!(matches!(err, FetchError::Timeout(_)), "{err}");
        // Within the deadline (0.8 s) and one read's pause, far from the 200 s it would take.
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn a_slow_server_times_out_and_a_closed_port_fails_to_connect() {
        let base = serve(|_| {
            std::thread::sleep(Duration::from_secs(3));
            ok("text/plain", b"late")
        });
        let err = fetch(&base, &quick()).unwrap_err();
        assert!(matches!(err, FetchError::Timeout(_)), "{err}");
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let err = fetch(&format!("http://127.0.0.1:{port}/"), &quick()).unwrap_err();
        assert!(matches!(err, FetchError::Connect(_)), "{err}");
    }
}
