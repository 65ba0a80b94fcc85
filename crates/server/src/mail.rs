//! The confirmation mail, sent with lettre: over SMTP when `NEWSROOM_SMTP_HOST` is set, otherwise
//! written as an `.eml` file into the outbox folder, for development.

use crate::store;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;
use std::time::Duration;

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Outbox(AsyncFileTransport<Tokio1Executor>),
}

pub struct Mailer {
    transport: Transport,
    from: Mailbox,
    /// Where the links in a mail point: the site as readers reach it.
    public_url: String,
    site_name: String,
    /// For the start-up line: where mail goes.
    pub description: String,
}

/// How mail leaves, read from the environment (see docs/newsletter.md).
pub struct MailConfig {
    pub outbox: PathBuf,
    pub public_url: String,
    pub site_name: String,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl Mailer {
    pub fn from_env(config: MailConfig) -> Result<Mailer, String> {
        let from = env("NEWSROOM_MAIL_FROM")
            .unwrap_or_else(|| format!("{} <newsletter@localhost>", config.site_name));
        let from: Mailbox = from
            .parse()
            .map_err(|e| format!("NEWSROOM_MAIL_FROM {from:?} is not a mail address: {e}"))?;
        let (transport, description) = match env("NEWSROOM_SMTP_HOST") {
            Some(host) => smtp(&host)?,
            None => {
                std::fs::create_dir_all(&config.outbox).map_err(|e| {
                    format!("cannot create the outbox {}: {e}", config.outbox.display())
                })?;
                let description = format!("outbox {}", config.outbox.display());
                (
                    Transport::Outbox(AsyncFileTransport::new(&config.outbox)),
                    description,
                )
            }
        };
        Ok(Mailer {
            transport,
            from,
            public_url: config.public_url.trim_end_matches('/').to_string(),
            site_name: config.site_name,
            description,
        })
    }

    pub fn unsubscribe_url(&self, token: &str) -> String {
        format!("{}/newsletter/unsubscribe?token={token}", self.public_url)
    }

    pub fn confirm_url(&self, token: &str) -> String {
        format!("{}/newsletter/confirm?token={token}", self.public_url)
    }

    pub async fn send_confirmation(&self, mail: &store::Mail) -> Result<(), String> {
        let to: Mailbox = mail
            .email
            .parse()
            .map_err(|e| format!("{:?} is not a mail address: {e}", mail.email))?;
        let unsubscribe = self.unsubscribe_url(&mail.unsubscribe_token);
        let body = format!(
            "Hello,\n\nSomeone, hopefully you, asked to receive the {site} newsletter\n\
             at this address. To confirm, open this link:\n\n{confirm}\n\n\
             The link works for 7 days. If you did not ask for this, ignore this\n\
             mail and nothing more will be sent.\n\n\
             Unsubscribe at any time:\n{unsubscribe}\n",
            site = self.site_name,
            confirm = self.confirm_url(&mail.confirm_token),
        );
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(format!("Confirm your subscription to {}", self.site_name))
            // RFC 8058: mail programs offer a one-click unsubscribe that POSTs to this address.
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{unsubscribe}>"),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_string(),
            ))
            .message_id(None)
            .header(ContentType::TEXT_PLAIN)
            // Links are longer than a 7-bit line may be: lettre picks quoted-printable.
            .body(body)
            .map_err(|e| format!("building the mail: {e}"))?;
        match &self.transport {
            Transport::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string()),
            Transport::Outbox(outbox) => outbox
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string()),
        }
    }
}

/// `NEWSROOM_SMTP_TLS`: `starttls` (default, port 587), `tls` (port 465) or `none` (port 25;
/// only for a relay on the same machine or network).
fn smtp(host: &str) -> Result<(Transport, String), String> {
    let mode = env("NEWSROOM_SMTP_TLS").unwrap_or_else(|| "starttls".to_string());
    let parameters =
        || TlsParameters::new(host.to_string()).map_err(|e| format!("TLS for {host}: {e}"));
    let (tls, default_port) = match mode.to_ascii_lowercase().as_str() {
        "starttls" => (Tls::Required(parameters()?), 587),
        "tls" => (Tls::Wrapper(parameters()?), 465),
        "none" => (Tls::None, 25),
        other => {
            return Err(format!(
                "NEWSROOM_SMTP_TLS {other:?}: expected starttls, tls or none"
            ))
        }
    };
    let port = match env("NEWSROOM_SMTP_PORT") {
        Some(port) => port
            .parse()
            .map_err(|_| format!("NEWSROOM_SMTP_PORT {port:?} is not a port number"))?,
        None => default_port,
    };
    let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
        .port(port)
        .tls(tls)
        .timeout(Some(Duration::from_secs(15)));
    match (env("NEWSROOM_SMTP_USERNAME"), env("NEWSROOM_SMTP_PASSWORD")) {
        (Some(user), Some(password)) => {
            builder = builder.credentials(Credentials::new(user, password))
        }
        (None, None) => {}
        _ => {
            return Err(
                "set both NEWSROOM_SMTP_USERNAME and NEWSROOM_SMTP_PASSWORD, or neither".into(),
            )
        }
    }
    let description = format!("SMTP {host}:{port} ({mode})");
    Ok((Transport::Smtp(builder.build()), description))
}
