//! The site settings (`site.json`), shared by the header, the footer, the newsletter block and
//! page titles. Loaded once a visit; a prerendered page carries them, so they are there at once.

use crate::api;
use leptos::prelude::*;
use leptos::task::spawn_local;
use newsroom_core::model::Site;
use std::rc::Rc;

/// A signal rather than a resource, so the first render (in the browser from a prerendered
/// page's data, or when rendering pages ahead of time) can have the settings at once.
#[derive(Clone, Copy)]
pub struct SiteData(Signal<Option<Rc<Site>>, LocalStorage>);

impl SiteData {
    /// The site settings once loaded; None while loading or when they could not be read (the
    /// frame then shows less, but the page's own content still renders).
    pub fn get(&self) -> Option<Rc<Site>> {
        self.0.get()
    }
}

/// Makes the settings available below; loads them unless they are already in memory.
pub fn provide_site() {
    let site = RwSignal::new_local(api::site_now().and_then(Result::ok));
    // Effects run only in the browser, after mounting: the request never starts while rendering.
    Effect::new(move |_| {
        if site.with_untracked(Option::is_none) {
            spawn_local(async move { site.set(api::site().await.ok()) });
        }
    });
    provide_context(SiteData(site.into()));
}

/// Settings given directly, for component tests that render pieces alone.
pub fn provide_site_value(site: Option<Rc<Site>>) {
    provide_context(SiteData(Signal::stored_local(site)));
}

pub fn use_site() -> SiteData {
    expect_context::<SiteData>()
}
