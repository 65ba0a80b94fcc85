//! Subscribers in SQLite: one row per normalised address, one transaction per change, WAL with
//! full sync so an acknowledged sign-up survives a crash or a power cut.
//!
//! A subscriber moves pending → confirmed → unsubscribed (and back to pending by signing up
//! again). The confirmation token is stored only as a SHA-256 digest, so a copy of the database
//! cannot confirm anyone; the unsubscribe token is stored as is, because every later mail must
//! carry it.

use crate::clock::unix_seconds;
use crate::tokens::{digest, new_token};
use newsroom_core::email::email_key;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

/// How long a confirmation link works.
pub const CONFIRM_TTL_SECONDS: i64 = 7 * 24 * 60 * 60;
/// A pending address gets at most one confirmation mail in this time, however often it signs up.
pub const RESEND_AFTER_SECONDS: i64 = 10 * 60;
/// Sources are page paths; anything longer is junk not worth keeping.
pub const MAX_SOURCE_CHARS: usize = 300;

const SCHEMA: &str = "
CREATE TABLE subscribers (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
    source TEXT NOT NULL DEFAULT '',
    subscribed_at INTEGER NOT NULL,
    confirmed_at INTEGER,
    unsubscribed_at INTEGER,
    confirm_token_sha256 TEXT,
    confirm_expires_at INTEGER,
    confirm_sent_at INTEGER,
    unsubscribe_token TEXT NOT NULL
);
CREATE UNIQUE INDEX subscribers_by_key ON subscribers (email_key);
CREATE UNIQUE INDEX subscribers_by_confirm_token ON subscribers (confirm_token_sha256);
CREATE UNIQUE INDEX subscribers_by_unsubscribe_token ON subscribers (unsubscribe_token);
";

/// What a sign-up did, and the mail it calls for.
#[derive(Debug, PartialEq, Eq)]
pub enum Signup {
    /// A new address, or one that had unsubscribed: now pending.
    Created(Mail),
    /// Already pending: a fresh link to send, or `None` while the last one is recent.
    StillPending(Option<Mail>),
    AlreadyConfirmed,
}

/// The links a confirmation mail carries.
#[derive(Debug, PartialEq, Eq)]
pub struct Mail {
    pub email: String,
    pub confirm_token: String,
    pub unsubscribe_token: String,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Confirmation {
    Confirmed(String),
    /// Unknown, used, replaced by a newer link, or expired.
    Invalid,
}

pub struct Store {
    connection: Mutex<Connection>,
}

pub type Result<T> = rusqlite::Result<T>;

impl Store {
    /// Opens (creating when needed) the database; on its first start it takes in the old
    /// subscriber text file, if there is one. Returns how many addresses were imported.
    pub fn open(
        path: &Path,
        legacy_file: Option<&Path>,
    ) -> std::result::Result<(Store, usize), String> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        let describe = |e: rusqlite::Error| format!("database {}: {e}", path.display());
        let mut connection = Connection::open(path).map_err(describe)?;
        connection
            .execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
            )
            .map_err(describe)?;
        connection
            .busy_timeout(std::time::Duration::from_secs(5))
            .map_err(describe)?;
        let transaction = connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(describe)?;
        let version: i64 = transaction
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(describe)?;
        let mut imported = 0;
        if version == 0 {
            transaction.execute_batch(SCHEMA).map_err(describe)?;
            if let Some(file) = legacy_file.filter(|f| f.is_file()) {
                let text = std::fs::read_to_string(file)
                    .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
                imported = crate::import::import_lines(&transaction, &text).map_err(describe)?;
            }
            transaction
                .execute_batch("PRAGMA user_version = 1")
                .map_err(describe)?;
        }
        transaction.commit().map_err(describe)?;
        let store = Store {
            connection: Mutex::new(connection),
        };
        Ok((store, imported))
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        self.connection.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Records a sign-up. The returned mail, if any, is already counted as sent for the resend
    /// limit; call [`Store::mail_failed`] if it could not be sent.
    pub fn sign_up(&self, email: &str, source: &str) -> Result<Signup> {
        let now = unix_seconds();
        let source = clean_source(source);
        let mut connection = self.lock();
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let existing: Option<(String, Option<i64>, Option<i64>, String)> = transaction
            .query_row(
                "SELECT status, confirm_sent_at, confirm_expires_at, unsubscribe_token
                 FROM subscribers WHERE email_key = ?1",
                params![email_key(email)],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
            )
            .optional()?;
        let confirm_token = new_token();
        let outcome = match existing {
            None => {
                let unsubscribe_token = new_token();
                transaction.execute(
                    "INSERT INTO subscribers (email, email_key, status, source, subscribed_at,
                         confirm_token_sha256, confirm_expires_at, confirm_sent_at, unsubscribe_token)
                     VALUES (?1, ?2, 'pending', ?3, ?4, ?5, ?6, ?4, ?7)",
                    params![
                        email,
                        email_key(email),
                        source,
                        now,
                        digest(&confirm_token),
                        now + CONFIRM_TTL_SECONDS,
                        unsubscribe_token
                    ],
                )?;
                Signup::Created(Mail {
                    email: email.to_string(),
                    confirm_token,
                    unsubscribe_token,
                })
            }
            Some((status, _, _, _)) if status == "confirmed" => Signup::AlreadyConfirmed,
            Some((status, sent_at, expires_at, unsubscribe_token)) => {
                let recent = sent_at.is_some_and(|at| now - at < RESEND_AFTER_SECONDS)
                    && expires_at.is_some_and(|at| at > now);
                let came_back = status == "unsubscribed";
                if recent && !came_back {
                    Signup::StillPending(None)
                } else {
                    transaction.execute(
                        "UPDATE subscribers SET status = 'pending', confirm_token_sha256 = ?2,
                             confirm_expires_at = ?3, confirm_sent_at = ?4,
                             subscribed_at = CASE WHEN status = 'unsubscribed' THEN ?4 ELSE subscribed_at END,
                             source = CASE WHEN status = 'unsubscribed' THEN ?5 ELSE source END,
                             unsubscribed_at = NULL
                         WHERE email_key = ?1",
                        params![
                            email_key(email),
                            digest(&confirm_token),
                            now + CONFIRM_TTL_SECONDS,
                            now,
                            source
                        ],
                    )?;
                    let mail = Mail {
                        email: email.to_string(),
                        confirm_token,
                        unsubscribe_token,
                    };
                    if came_back {
                        Signup::Created(mail)
                    } else {
                        Signup::StillPending(Some(mail))
                    }
                }
            }
        };
        transaction.commit()?;
        Ok(outcome)
    }

    /// The mail for this sign-up never left: let the next sign-up send one at once.
    pub fn mail_failed(&self, email: &str) -> Result<()> {
        self.lock().execute(
            "UPDATE subscribers SET confirm_sent_at = NULL WHERE email_key = ?1",
            params![email_key(email)],
        )?;
        Ok(())
    }

    /// Confirms the pending address the token belongs to; the token then stops working.
    pub fn confirm(&self, token: &str) -> Result<Confirmation> {
        let now = unix_seconds();
        let connection = self.lock();
        let email: Option<String> = connection
            .query_row(
                "UPDATE subscribers SET status = 'confirmed', confirmed_at = ?2,
                     confirm_token_sha256 = NULL, confirm_expires_at = NULL
                 WHERE confirm_token_sha256 = ?1 AND status = 'pending' AND confirm_expires_at > ?2
                 RETURNING email",
                params![digest(token), now],
                |row| row.get(0),
            )
            .optional()?;
        Ok(email.map_or(Confirmation::Invalid, Confirmation::Confirmed))
    }

    /// Unsubscribes the address the token belongs to (again, harmlessly, if it already was).
    /// Returns the address, or `None` for an unknown token.
    pub fn unsubscribe(&self, token: &str) -> Result<Option<String>> {
        let now = unix_seconds();
        self.lock()
            .query_row(
                "UPDATE subscribers SET
                     unsubscribed_at = CASE WHEN status = 'unsubscribed' THEN unsubscribed_at ELSE ?2 END,
                     status = 'unsubscribed', confirm_token_sha256 = NULL, confirm_expires_at = NULL
                 WHERE unsubscribe_token = ?1
                 RETURNING email",
                params![token, now],
                |row| row.get(0),
            )
            .optional()
    }

    /// The address an unsubscribe token belongs to, without changing anything.
    pub fn unsubscribe_target(&self, token: &str) -> Result<Option<String>> {
        self.lock()
            .query_row(
                "SELECT email FROM subscribers WHERE unsubscribe_token = ?1",
                params![token],
                |row| row.get(0),
            )
            .optional()
    }

    pub fn count(&self) -> Result<u64> {
        let count: i64 = self
            .lock()
            .query_row("SELECT COUNT(*) FROM subscribers", [], |row| row.get(0))?;
        Ok(count.max(0) as u64)
    }

    /// Every subscriber as CSV, oldest first, for editors.
    pub fn export_csv(&self, out: &mut impl std::io::Write) -> std::result::Result<(), String> {
        let connection = self.lock();
        let mut query = connection
            .prepare(
                "SELECT email, status, subscribed_at, confirmed_at, source
                 FROM subscribers ORDER BY subscribed_at, id",
            )
            .map_err(|e| e.to_string())?;
        let rows = query
            .query_map([], |row| {
                Ok(crate::csv::Row {
                    email: row.get(0)?,
                    status: row.get(1)?,
                    subscribed_at: row.get(2)?,
                    confirmed_at: row.get(3)?,
                    source: row.get(4)?,
                })
            })
            .map_err(|e| e.to_string())?;
        writeln!(out, "{}", crate::csv::HEADER).map_err(|e| e.to_string())?;
        for row in rows {
            let row = row.map_err(|e| e.to_string())?;
            writeln!(out, "{}", row.line()).map_err(|e| e.to_string())?;
        }
        Ok(())
    }
}

/// Control characters would only confuse the CSV and the people reading it.
pub fn clean_source(value: &str) -> String {
    value
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_SOURCE_CHARS)
        .collect()
}

#[cfg(test)]
mod tests;
