//! Content files for the rest of the visit: fetched once, parsed once, shared by whoever asks.
//!
//! Files can also be handed over as text before anyone asks ([`provide_documents`]): a
//! prerendered page carries the files it was rendered from, and the prerenderer gives every file
//! it has. They are parsed on first use, by the same function a fetched file goes through, and
//! can be read at once ([`now`]), so the first render needs no request.
//!
//! The machinery works on type-erased values (`Rc<dyn Any>`) and a parse function, so it exists
//! once in the wasm rather than once per content type; only the thin typed wrapper is generic.

use super::{content_base, with_timeout, LoadError};
use gloo_net::http::Request;
use newsroom_core::model::{self, ContentError};
use serde::de::DeserializeOwned;
use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

type Parsed = Rc<dyn Any>;
type Parse = fn(&str, &str) -> Result<Parsed, ContentError>;

thread_local! {
    static CACHE: RefCell<HashMap<String, Parsed>> = RefCell::new(HashMap::new());
    /// Files handed over as text and not yet parsed.
    static PROVIDED: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    /// While recording, the paths read (see [`record_reads`]).
    static READS: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
    /// Paths being fetched, with whoever waits for them.
    static IN_FLIGHT: RefCell<HashMap<String, Vec<futures::channel::oneshot::Sender<()>>>> =
        RefCell::new(HashMap::new());
}

/// Fetches and parses the content file at `path` as a `T`, or returns it from the visit's cache.
/// A request already on its way (a prefetch, say) is awaited rather than sent twice.
pub async fn load<T: DeserializeOwned + 'static>(path: String) -> Result<Rc<T>, LoadError> {
    let value = load_parsed(path.clone(), parse_as::<T>).await?;
    downcast(path, value)
}

/// The content file at `path` if it is in memory (or was handed over), without a request.
pub fn now<T: DeserializeOwned + 'static>(path: String) -> Option<Result<Rc<T>, LoadError>> {
    let value = parsed_now(&path, parse_as::<T>)?;
    Some(value.and_then(|value| downcast(path, value)))
}

/// Hands over content files as (path, JSON text) before anyone asks for them.
pub fn provide_documents(documents: impl IntoIterator<Item = (String, String)>) {
    // Collected first: the iterator may itself ask what is already here.
    let documents: Vec<_> = documents.into_iter().collect();
    PROVIDED.with(|provided| provided.borrow_mut().extend(documents));
}

/// Runs `render` and returns, with its result, the content paths it read: what a page was
/// rendered from, to be carried by it.
pub fn record_reads<R>(render: impl FnOnce() -> R) -> (R, Vec<String>) {
    READS.with(|reads| *reads.borrow_mut() = Some(Vec::new()));
    let result = render();
    let reads = READS
        .with(|reads| reads.borrow_mut().take())
        .unwrap_or_default();
    (result, reads)
}

fn parsed_now(path: &str, parse: Parse) -> Option<Result<Parsed, LoadError>> {
    READS.with(|reads| {
        if let Some(reads) = reads.borrow_mut().as_mut() {
            if !reads.iter().any(|read| read == path) {
                reads.push(path.to_string());
            }
        }
    });
    if let Some(value) = cached(path) {
        return Some(Ok(value));
    }
    let text = PROVIDED.with(|provided| provided.borrow_mut().remove(path))?;
    Some(parse_and_keep(path, &text, parse))
}

fn downcast<T: 'static>(path: String, value: Parsed) -> Result<Rc<T>, LoadError> {
    // A path always holds the same type of content, so this cannot fail; if it ever did, the
    // reader would see "could not be read" rather than a crash.
    value.downcast::<T>().map_err(|_| {
        LoadError::Malformed(ContentError {
            file: path,
            path: ".".to_string(),
            message: "cached as another type of content".to_string(),
        })
    })
}

fn parse_as<T: DeserializeOwned + 'static>(path: &str, text: &str) -> Result<Parsed, ContentError> {
    Ok(Rc::new(model::parse::<T>(path, text)?))
}

async fn load_parsed(path: String, parse: Parse) -> Result<Parsed, LoadError> {
    if let Some(ready) = parsed_now(&path, parse) {
        return ready;
    }
    if let Some(done) = wait_for_request_in_flight(&path) {
        let _ = done.await;
        if let Some(value) = cached(&path) {
            return Ok(value);
        }
        // That request failed: try again here, so this caller sees its own error.
    }
    IN_FLIGHT.with(|in_flight| {
        in_flight.borrow_mut().entry(path.clone()).or_default();
    });
    let result = fetch_and_parse(&path, parse).await;
    let waiters = IN_FLIGHT.with(|in_flight| in_flight.borrow_mut().remove(&path));
    for waiter in waiters.into_iter().flatten() {
        let _ = waiter.send(());
    }
    result
}

/// A signal for the end of the request already fetching `path`, if there is one.
fn wait_for_request_in_flight(path: &str) -> Option<futures::channel::oneshot::Receiver<()>> {
    IN_FLIGHT.with(|in_flight| {
        let mut in_flight = in_flight.borrow_mut();
        let waiters = in_flight.get_mut(path)?;
        let (notify, done) = futures::channel::oneshot::channel();
        waiters.push(notify);
        Some(done)
    })
}

/// Whether a content file is already in memory or on its way.
pub fn is_loaded_or_loading(path: &str) -> bool {
    CACHE.with(|cache| cache.borrow().contains_key(path))
        || PROVIDED.with(|provided| provided.borrow().contains_key(path))
        || IN_FLIGHT.with(|in_flight| in_flight.borrow().contains_key(path))
}

fn cached(path: &str) -> Option<Parsed> {
    CACHE.with(|cache| cache.borrow().get(path).cloned())
}

async fn fetch_and_parse(path: &str, parse: Parse) -> Result<Parsed, LoadError> {
    let text = fetch_text(&format!("{}{path}", content_base())).await?;
    parse_and_keep(path, &text, parse)
}

fn parse_and_keep(path: &str, text: &str, parse: Parse) -> Result<Parsed, LoadError> {
    let value = parse(path, text).map_err(|error| {
        leptos::logging::warn!("{error}");
        LoadError::Malformed(error)
    })?;
    CACHE.with(|cache| cache.borrow_mut().insert(path.to_string(), value.clone()));
    Ok(value)
}

/// GET with a time-out that also covers a body that trickles in too slowly.
async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let result = with_timeout(|signal| async move {
        let response = Request::get(url)
            .abort_signal(Some(&signal))
            .send()
            .await
            .map_err(|error| LoadError::Network(error.to_string()))?;
        match response.status() {
            200..=299 => response
                .text()
                .await
                .map_err(|error| LoadError::Network(error.to_string())),
            404 | 410 => Err(LoadError::NotFound),
            status => Err(LoadError::Status(status)),
        }
    })
    .await;
    if let Err(error) = &result {
        leptos::logging::warn!("{url}: {}", error.detail());
    }
    result
}
