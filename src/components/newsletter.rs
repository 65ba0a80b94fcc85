//! The newsletter sign-up block. Behaviour follows the GOV.UK form pattern: the error sits by
//! the field and is announced, the outcome is announced without moving focus, nothing typed is
//! lost on failure, and one submission sends exactly one request.

use crate::api::{self, SignupError, SignupOutcome};
use crate::components::link::SafeLink;
use crate::site::use_site;
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use newsroom_core::email::{is_valid_email, normalize_email};
use newsroom_core::model::Newsletter;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq)]
enum FormState {
    Idle,
    Submitting,
    Succeeded(String),
    Failed(String),
}

const FIELD_ID: &str = "newsletter-email";
const FIELD_ERROR_ID: &str = "newsletter-email-error";
const INTRO_ID: &str = "newsletter-intro";

#[component]
pub fn NewsletterSignup() -> impl IntoView {
    let site = use_site();
    move || {
        site.get()
            .map(|site| view! { <SignupForm newsletter=Rc::new(site.newsletter.clone()) /> })
    }
}

#[component]
fn SignupForm(newsletter: Rc<Newsletter>) -> impl IntoView {
    let path = leptos_router::hooks::use_location().pathname;
    let email = RwSignal::new(String::new());
    let honeypot = RwSignal::new(String::new());
    let field_error = RwSignal::new(None::<&'static str>);
    let state = RwSignal::new(FormState::Idle);
    let input_ref = NodeRef::<Input>::new();

    let submit = {
        let newsletter = newsletter.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            if state.get_untracked() == FormState::Submitting {
                return;
            }
            let address = normalize_email(&email.get_untracked());
            let problem = if address.is_empty() {
                Some("Enter your email address.")
            } else if !is_valid_email(&address) {
                Some("Enter an email address in the correct format, like name@example.org.")
            } else {
                None
            };
            field_error.set(problem);
            if problem.is_some() {
                state.set(FormState::Idle);
                if let Some(input) = input_ref.get_untracked() {
                    let _ = input.focus();
                }
                return;
            }
            // Bots fill every field; people never see this one. Tell the bot it worked.
            if !honeypot.get_untracked().is_empty() {
                email.set(String::new());
                state.set(FormState::Succeeded(newsletter.success_message.clone()));
                return;
            }
            state.set(FormState::Submitting);
            let newsletter = newsletter.clone();
            let source = path.get_untracked();
            spawn_local(async move {
                let outcome = api::subscribe(&newsletter, &address, &source).await;
                state.set(match outcome {
                    Ok(SignupOutcome::Subscribed) => {
                        email.set(String::new());
                        FormState::Succeeded(newsletter.success_message.clone())
                    }
                    Ok(SignupOutcome::AlreadySubscribed) => {
                        email.set(String::new());
                        FormState::Succeeded("You are already subscribed. Thank you!".to_string())
                    }
                    Err(error) => FormState::Failed(failure_message(error)),
                });
            });
        }
    };

    let submitting = move || state.get() == FormState::Submitting;
    let described_by = move || match field_error.get() {
        Some(_) => format!("{INTRO_ID} {FIELD_ERROR_ID}"),
        None => INTRO_ID.to_string(),
    };
    let status_text = move || match state.get() {
        FormState::Succeeded(message) => message,
        FormState::Submitting => "Signing you up…".to_string(),
        _ => String::new(),
    };
    let alert_text = move || match state.get() {
        FormState::Failed(message) => message,
        _ => String::new(),
    };

    let intro = format!("{} ", newsletter.intro);
    let privacy_url = newsletter.privacy_url.clone();
    let privacy_label = newsletter.privacy_label.clone();
    let button_label = newsletter.button_label.clone();
    let archive_text = format!("{} ", newsletter.archive_text);
    let archive_url = newsletter.archive_url.clone();
    let archive_label = newsletter.archive_label.clone();

    view! {
        <section class="newsletter" aria-labelledby="newsletter-heading">
            <h2 id="newsletter-heading" class="visually-hidden">"Newsletter"</h2>
            <form class="newsletter__form" novalidate on:submit=submit>
                <p id=INTRO_ID class="newsletter__intro">
                    {intro}
                    <SafeLink href=privacy_url field="site.newsletter.privacy_url">
                        {privacy_label}
                    </SafeLink>
                    "."
                </p>
                <div class="newsletter__field" class:newsletter__field--error=move || field_error.get().is_some()>
                    <label for=FIELD_ID class="newsletter__label">"Email address"</label>
                    {move || field_error.get().map(|message| view! {
                        <p id=FIELD_ERROR_ID class="newsletter__error">
                            <span class="visually-hidden">"Error: "</span>
                            {message}
                        </p>
                    })}
                    <div class="newsletter__row">
                        <input
                            node_ref=input_ref
                            id=FIELD_ID
                            class="newsletter__input"
                            type="email"
                            name="email"
                            autocomplete="email"
                            spellcheck="false"
                            required
                            aria-describedby=described_by
                            aria-invalid=move || if field_error.get().is_some() { "true" } else { "false" }
                            prop:value=move || email.get()
                            on:input=move |event| email.set(event_target_value(&event))
                        />
                        <button
                            type="submit"
                            class="button newsletter__button"
                            aria-disabled=move || if submitting() { "true" } else { "false" }
                        >
                            {button_label}
                        </button>
                    </div>
                </div>
                <div class="newsletter__trap" aria-hidden="true">
                    <label for="newsletter-website">"Leave this field empty"</label>
                    <input
                        id="newsletter-website"
                        name="website"
                        type="text"
                        tabindex="-1"
                        autocomplete="off"
                        prop:value=move || honeypot.get()
                        on:input=move |event| honeypot.set(event_target_value(&event))
                    />
                </div>
                <p class="newsletter__status" role="status">{status_text}</p>
                <p class="newsletter__alert" role="alert">{alert_text}</p>
            </form>
            <p class="newsletter__archive">
                {archive_text}
                <SafeLink href=archive_url field="site.newsletter.archive_url">
                    {archive_label}
                </SafeLink>
                "."
            </p>
        </section>
    }
}

fn failure_message(error: SignupError) -> String {
    match error {
        SignupError::Rejected(message) => message,
        SignupError::Unavailable(_) => {
            "Sorry, we could not sign you up just now. Please try again in a moment.".to_string()
        }
        SignupError::Network => {
            "We could not reach the newsletter service. Check your connection and try again."
                .to_string()
        }
    }
}
