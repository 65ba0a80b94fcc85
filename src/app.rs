//! The app: the site settings, focus handling and the router around the frame every page
//! shares. The browser mounts it, and the prerenderer renders it to HTML for each address.

use crate::browser::focus::{provide_route_focus, RouteFocus, SkipLink};
use crate::components::footer::SiteFooter;
use crate::components::header::SiteHeader;
use crate::routes::AppRoutes;
use crate::site::provide_site;
use leptos::prelude::*;
use leptos_router::components::Router;

#[component]
pub fn App() -> impl IntoView {
    provide_site();
    provide_route_focus();
    view! {
        <Router>
            <Frame>
                <AppRoutes />
            </Frame>
        </Router>
    }
}

/// What every page shares around its content.
#[component]
pub fn Frame(children: Children) -> impl IntoView {
    view! {
        <RouteFocus />
        <SkipLink />
        <SiteHeader />
        <main id="main" tabindex="-1">
            {children()}
        </main>
        <SiteFooter />
    }
}
