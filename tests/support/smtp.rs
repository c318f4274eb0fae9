//! A real SMTP listener on loopback that keeps what it receives, so tests
//! see mail exactly as a mail server would.

use std::sync::{
    atomic::{AtomicU8, AtomicUsize, Ordering},
    Arc, Mutex, OnceLock,
};

use loco_rs::app::AppContext;

use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::{TcpListener, TcpStream},
};

#[derive(Debug, Clone)]
pub struct ReceivedMail {
    pub from: String,
    pub to: Vec<String>,
    /// The message as sent: headers and MIME body.
    pub raw: Vec<u8>,
}

impl ReceivedMail {
    pub fn parsed(&self) -> mailparse::ParsedMail<'_> {
        mailparse::parse_mail(&self.raw).expect("a well-formed mail")
    }

    pub fn subject(&self) -> String {
        self.parsed()
            .headers
            .iter()
            .find(|h| h.get_key().eq_ignore_ascii_case("subject"))
            .map(mailparse::MailHeader::get_value)
            .unwrap_or_default()
    }

    /// The decoded text/plain part.
    pub fn text(&self) -> String {
        self.part("text/plain")
    }

    /// The decoded text/html part.
    pub fn html(&self) -> String {
        self.part("text/html")
    }

    fn part(&self, mimetype: &str) -> String {
        let mail = self.parsed();
        std::iter::once(&mail)
            .chain(mail.subparts.iter())
            .flat_map(|part| std::iter::once(part).chain(part.subparts.iter()))
            .find(|part| part.ctype.mimetype == mimetype)
            .and_then(|part| part.get_body().ok())
            .unwrap_or_default()
    }

    /// The path of the first link to this app in the text part.
    pub fn link_path(&self) -> String {
        let text = self.text();
        let re = regex::Regex::new(r"http://localhost:5150(/\S+)").expect("regex");
        re.captures(&text)
            .map(|c| c[1].to_string())
            .unwrap_or_else(|| panic!("no link in mail: {text}"))
    }
}

/// How the listener answers a sender (`MAIL FROM`), as a real server can.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Answer {
    /// Takes the mail.
    Accept = 0,
    /// "451 try again later": a server that is full, greylisting or down
    /// for maintenance.
    Refuse = 1,
    /// Does not answer at all until told otherwise: a server that hangs.
    Stall = 2,
}

#[derive(Clone, Default)]
pub struct SmtpSink {
    pub port: u16,
    received: Arc<Mutex<Vec<ReceivedMail>>>,
    /// The [`Answer`] to senders, as its number.
    answer: Arc<AtomicU8>,
    /// Senders that began a mail (`MAIL FROM`), whatever the answer.
    attempts: Arc<AtomicUsize>,
    /// The app's database: reading mail first waits for its job queue to
    /// run dry, since mail goes out from background jobs.
    queue: Arc<OnceLock<AppContext>>,
}

impl SmtpSink {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind smtp");
        let port = listener.local_addr().expect("addr").port();
        let sink = Self {
            port,
            ..Self::default()
        };
        let server = sink.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve(stream, server.clone()));
            }
        });
        sink
    }

    /// From now on answers senders this way.
    pub fn answer(&self, answer: Answer) {
        self.answer.store(answer as u8, Ordering::SeqCst);
    }

    fn current_answer(&self) -> Answer {
        match self.answer.load(Ordering::SeqCst) {
            1 => Answer::Refuse,
            2 => Answer::Stall,
            _ => Answer::Accept,
        }
    }

    /// How many mails senders began so far, taken or not.
    pub fn attempts(&self) -> usize {
        self.attempts.load(Ordering::SeqCst)
    }

    /// Waits (up to 30 s) until senders began at least `n` mails.
    pub async fn attempted(&self, n: usize) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while self.attempts() < n {
            assert!(
                std::time::Instant::now() < deadline,
                "only {} of {n} mails were begun within 30 s",
                self.attempts()
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    pub fn watch_queue(&self, ctx: AppContext) {
        let _ = self.queue.set(ctx);
    }

    /// What has arrived so far, without waiting for queued jobs.
    pub fn received_so_far(&self) -> Vec<ReceivedMail> {
        self.received.lock().expect("lock").clone()
    }

    /// Everything received once the app's queued jobs have run.
    pub async fn received(&self) -> Vec<ReceivedMail> {
        if let Some(ctx) = self.queue.get() {
            super::jobs_done(ctx).await;
        }
        self.received.lock().expect("lock").clone()
    }

    /// Mails to one address, oldest first.
    pub async fn to(&self, address: &str) -> Vec<ReceivedMail> {
        self.received()
            .await
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(address)))
            .collect()
    }

    /// The newest mail to one address whose subject has `subject_part`
    /// (jobs may deliver an earlier mail after a later one).
    pub async fn last_about(&self, address: &str, subject_part: &str) -> ReceivedMail {
        self.to(address)
            .await
            .into_iter()
            .rfind(|m| m.subject().contains(subject_part))
            .unwrap_or_else(|| panic!("no mail to {address} about {subject_part:?}"))
    }

    /// Waits (up to 30 s) for a mail to `address` whose subject has
    /// `subject_part`, for a test that knows which mail it waits for.
    pub async fn arrived(&self, address: &str, subject_part: &str) -> ReceivedMail {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            let found = self.received_so_far().into_iter().rfind(|m| {
                m.to.iter().any(|t| t.eq_ignore_ascii_case(address))
                    && m.subject().contains(subject_part)
            });
            if let Some(mail) = found {
                return mail;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "no mail to {address} about {subject_part:?} within 30 s"
            );
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
    }

    /// The newest mail to one address; panics if there is none.
    pub async fn last_to(&self, address: &str) -> ReceivedMail {
        self.to(address)
            .await
            .pop()
            .unwrap_or_else(|| panic!("no mail to {address}"))
    }
}

fn address(arg: &str) -> String {
    arg.split_once(':')
        .map(|(_, rest)| rest)
        .unwrap_or(arg)
        .trim()
        .trim_start_matches('<')
        .split('>')
        .next()
        .unwrap_or_default()
        .to_string()
}

async fn serve(stream: TcpStream, sink: SmtpSink) {
    let received = sink.received.clone();
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    let _ = write.write_all(b"220 test-smtp ready\r\n").await;
    let (mut from, mut to) = (String::new(), Vec::new());
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
            return;
        }
        let command = line.trim_end().to_string();
        let upper = command.to_ascii_uppercase();
        let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
            b"250-test-smtp\r\n250 8BITMIME\r\n"
        } else if upper.starts_with("MAIL FROM") {
            sink.attempts.fetch_add(1, Ordering::SeqCst);
            while sink.current_answer() == Answer::Stall {
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
            from = address(&command);
            to.clear();
            if sink.current_answer() == Answer::Refuse {
                b"451 4.3.0 try again later\r\n"
            } else {
                b"250 OK\r\n"
            }
        } else if upper.starts_with("RCPT TO") {
            to.push(address(&command));
            b"250 OK\r\n"
        } else if upper == "DATA" {
            let _ = write.write_all(b"354 go ahead\r\n").await;
            let mut raw = Vec::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                    return;
                }
                if line == ".\r\n" {
                    break;
                }
                // Undo dot-stuffing.
                let content = line.strip_prefix('.').unwrap_or(&line);
                raw.extend_from_slice(content.as_bytes());
            }
            received.lock().expect("lock").push(ReceivedMail {
                from: from.clone(),
                to: to.clone(),
                raw,
            });
            b"250 queued\r\n"
        } else if upper == "QUIT" {
            let _ = write.write_all(b"221 bye\r\n").await;
            return;
        } else {
            b"250 OK\r\n"
        };
        if write.write_all(reply).await.is_err() {
            return;
        }
    }
}
