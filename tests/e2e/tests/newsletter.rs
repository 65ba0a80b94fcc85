//! The newsletter form against the real endpoint process: every outcome, and nothing typed lost.

use fantoccini::key::Key;
use newsroom_e2e::smtp;
use newsroom_e2e::*;
use std::time::Duration;

const ARTICLE: &str = "/articles/us-and-philippines-conclude-child-protection-compact-partnership";
const EMAIL: &str = "#newsletter-email";

async fn open_form() -> Browser {
    let browser = Browser::start(1280, 900).await;
    browser.open(ARTICLE).await;
    find(&browser.client, EMAIL).await;
    browser
}

async fn type_email(browser: &Browser, email: &str) {
    let field = find(&browser.client, EMAIL).await;
    field.clear().await.unwrap();
    field.send_keys(email).await.unwrap();
}

async fn submit(browser: &Browser) {
    find(&browser.client, ".newsletter__button")
        .await
        .click()
        .await
        .unwrap();
}

async fn field_value(browser: &Browser) -> String {
    find(&browser.client, EMAIL)
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

async fn wait_for_region(browser: &Browser, css: &str, needle: &str, patience: Duration) {
    eventually(&format!("{needle:?} in {css}"), patience, || async {
        text_of(&browser.client, css)
            .await
            .contains(needle)
            .then_some(())
    })
    .await;
}

async fn wait_for_status(browser: &Browser, needle: &str) {
    wait_for_region(
        browser,
        ".newsletter__status[role='status']",
        needle,
        PATIENCE,
    )
    .await;
}

async fn wait_for_alert(browser: &Browser, needle: &str, patience: Duration) {
    wait_for_region(
        browser,
        ".newsletter__alert[role='alert']",
        needle,
        patience,
    )
    .await;
}

#[tokio::test]
async fn a_valid_email_is_stored_once_pending_after_two_submissions() {
    let browser = open_form().await;
    type_email(&browser, "reader@example.org").await;
    submit(&browser).await;
    wait_for_status(&browser, "Check your inbox").await;
    assert_eq!(
        field_value(&browser).await,
        "",
        "the field is cleared after success"
    );

    // Still pending: the same answer, and no second row.
    type_email(&browser, "Reader@Example.org").await;
    find(&browser.client, EMAIL)
        .await
        .send_keys(&Key::Enter.to_string())
        .await
        .unwrap();
    eventually("the second request", PATIENCE, || async {
        (browser.server.newsletter_stats().0 == 2).then_some(())
    })
    .await;
    wait_for_status(&browser, "Check your inbox").await;
    let stored = browser.server.stored_subscribers();
    assert_eq!(stored.len(), 1, "stored once: {stored:?}");
    assert!(
        stored[0].starts_with("reader@example.org,pending,") && stored[0].contains(",/articles/"),
        "{stored:?}"
    );
    assert_eq!(browser.server.newsletter_stats(), (2, 1));
    browser.close().await;
}

/// The whole double opt-in: the form, a real mail over SMTP, its confirm link in the browser,
/// the editors' export, and the mail's unsubscribe link.
#[tokio::test]
async fn the_confirmation_mail_arrives_and_its_links_confirm_then_unsubscribe() {
    let smtp = smtp::SmtpServer::start();
    let browser = Browser::start_on(Server::start_mailing_to(smtp.port), 1280, 900).await;
    browser.open(ARTICLE).await;
    type_email(&browser, "double.opt-in@example.org").await;
    submit(&browser).await;
    wait_for_status(&browser, "Check your inbox").await;

    let mail = smtp.wait_for_mail(1).await;
    assert!(mail.contains("To: double.opt-in@example.org"), "{mail}");
    assert!(mail.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    let unsubscribe = smtp::link_in(&mail, "/newsletter/unsubscribe?token=");
    assert!(mail.contains(&format!("List-Unsubscribe: <{unsubscribe}>")));
    let confirm = smtp::link_in(&mail, "/newsletter/confirm?token=");
    assert!(confirm.starts_with(&browser.server.origin), "{confirm}");
    let stored = browser.server.stored_subscribers();
    assert!(
        stored[0].starts_with("double.opt-in@example.org,pending,"),
        "{stored:?}"
    );

    browser.client.goto(&confirm).await.unwrap();
    wait_for_region(&browser, "h1", "Subscription confirmed", PATIENCE).await;
    let stored = browser.server.stored_subscribers();
    assert_eq!(stored.len(), 1);
    assert!(
        stored[0].starts_with("double.opt-in@example.org,confirmed,"),
        "{stored:?}"
    );

    // Confirmed: signing up again is the friendly "already subscribed".
    browser.open(ARTICLE).await;
    type_email(&browser, "double.opt-in@example.org").await;
    submit(&browser).await;
    wait_for_status(&browser, "already subscribed").await;
    assert_eq!(smtp.mails().len(), 1, "no second mail");

    browser.client.goto(&unsubscribe).await.unwrap();
    find(&browser.client, "form button[type='submit']")
        .await
        .click()
        .await
        .unwrap();
    wait_for_region(&browser, "h1", "You are unsubscribed", PATIENCE).await;
    let stored = browser.server.stored_subscribers();
    assert!(
        stored[0].starts_with("double.opt-in@example.org,unsubscribed,"),
        "{stored:?}"
    );
    browser.close().await;
}

#[tokio::test]
async fn an_invalid_email_shows_the_field_error_and_sends_nothing() {
    let browser = open_form().await;
    type_email(&browser, "not-an-email@").await;
    find(&browser.client, EMAIL)
        .await
        .send_keys(&Key::Enter.to_string())
        .await
        .unwrap();
    let error = find(&browser.client, "#newsletter-email-error").await;
    assert!(error.text().await.unwrap().contains("correct format"));
    let field = find(&browser.client, EMAIL).await;
    assert_eq!(
        field.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );
    let described = field
        .attr("aria-describedby")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(described.contains("newsletter-email-error"), "{described}");
    let focused = script(&browser.client, "return document.activeElement.id").await;
    assert_eq!(
        focused.as_str(),
        Some("newsletter-email"),
        "focus stays in the field"
    );
    assert_eq!(field_value(&browser).await, "not-an-email@");

    // An empty field gets its own message, also without a request.
    type_email(&browser, "   ").await;
    submit(&browser).await;
    wait_for_region(
        &browser,
        "#newsletter-email-error",
        "Enter your email address",
        PATIENCE,
    )
    .await;
    assert_eq!(
        browser.server.newsletter_stats().0,
        0,
        "no request was sent"
    );
    browser.close().await;
}

/// A fault shows `message`, keeps the email, and a retry after the fault clears succeeds.
async fn fault_then_retry(fault: &str, message: &str, patience: Duration) {
    let browser = open_form().await;
    browser.server.set_newsletter_fault(fault);
    type_email(&browser, "retry@example.org").await;
    submit(&browser).await;
    wait_for_alert(&browser, message, patience).await;
    assert_eq!(
        field_value(&browser).await,
        "retry@example.org",
        "the email is kept"
    );
    assert!(browser.server.stored_subscribers().is_empty());

    browser.server.set_newsletter_fault("none");
    submit(&browser).await;
    wait_for_status(&browser, "Check your inbox").await;
    assert_eq!(
        text_of(&browser.client, ".newsletter__alert").await,
        "",
        "the old error is gone"
    );
    assert_eq!(browser.server.stored_subscribers().len(), 1);
    browser.close().await;
}

#[tokio::test]
async fn a_400_shows_the_services_message_and_a_retry_succeeds() {
    fault_then_retry(
        "400",
        "The newsletter service rejected this address.",
        PATIENCE,
    )
    .await;
}

#[tokio::test]
async fn a_500_shows_try_again_and_a_retry_succeeds() {
    fault_then_retry("500", "Please try again in a moment", PATIENCE).await;
}

#[tokio::test]
async fn a_hung_endpoint_times_out_and_a_retry_succeeds() {
    fault_then_retry(
        "hang",
        "could not reach the newsletter service",
        Duration::from_secs(25),
    )
    .await;
}

#[tokio::test]
async fn a_409_is_a_friendly_success() {
    let browser = open_form().await;
    browser.server.set_newsletter_fault("409");
    type_email(&browser, "known@example.org").await;
    submit(&browser).await;
    wait_for_status(&browser, "already subscribed").await;
    assert_eq!(text_of(&browser.client, ".newsletter__alert").await, "");
    browser.close().await;
}

#[tokio::test]
async fn a_double_click_and_repeated_enter_send_one_request() {
    let browser = open_form().await;
    type_email(&browser, "once@example.org").await;
    script(
        &browser.client,
        "const b = document.querySelector('.newsletter__button'); b.click(); b.click(); b.click(); return null",
    )
    .await;
    wait_for_status(&browser, "Check your inbox").await;
    assert_eq!(browser.server.newsletter_stats(), (1, 1));
    browser.close().await;
}

#[tokio::test]
async fn a_filled_honeypot_sends_nothing_and_looks_like_success() {
    let browser = open_form().await;
    script(
        &browser.client,
        "const trap = document.getElementById('newsletter-website');
         trap.value = 'https://spam.example';
         trap.dispatchEvent(new Event('input', { bubbles: true }));
         return null",
    )
    .await;
    type_email(&browser, "bot@example.org").await;
    submit(&browser).await;
    wait_for_status(&browser, "Check your inbox").await;
    assert_eq!(browser.server.newsletter_stats().0, 0);
    assert!(browser.server.stored_subscribers().is_empty());
    let hidden = find(&browser.client, ".newsletter__trap").await;
    assert_eq!(
        hidden.attr("aria-hidden").await.unwrap().as_deref(),
        Some("true")
    );
    browser.close().await;
}
