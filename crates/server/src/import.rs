//! The subscriber text file of earlier versions (`address<TAB>source<TAB>unix seconds` a line),
//! taken into the database on its first start. Those sign-ups were never confirmed, so they
//! come in pending, without a link: signing up again sends one.

use crate::store::clean_source;
use crate::tokens::new_token;
use newsroom_core::email::{email_key, is_valid_email};
use rusqlite::{params, Transaction};

/// Returns how many addresses were added; invalid lines and repeats are skipped and counted on
/// standard error.
pub fn import_lines(transaction: &Transaction, text: &str) -> rusqlite::Result<usize> {
    let mut imported = 0;
    let mut skipped = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let mut fields = line.split('\t');
        let email = fields.next().unwrap_or("").trim();
        let source = fields.next().unwrap_or("");
        let at: i64 = fields
            .next()
            .and_then(|t| t.trim().parse().ok())
            .unwrap_or(0);
        if email.len() > crate::newsletter::MAX_EMAIL_LEN || !is_valid_email(email) {
            skipped += 1;
            continue;
        }
        let added = transaction.execute(
            "INSERT OR IGNORE INTO subscribers
                 (email, email_key, status, source, subscribed_at, unsubscribe_token)
             VALUES (?1, ?2, 'pending', ?3, ?4, ?5)",
            params![
                email,
                email_key(email),
                clean_source(source),
                at,
                new_token()
            ],
        )?;
        if added == 0 {
            skipped += 1;
        }
        imported += added;
    }
    if skipped > 0 {
        eprintln!("newsroom-server: import skipped {skipped} invalid or repeated lines");
    }
    Ok(imported)
}
