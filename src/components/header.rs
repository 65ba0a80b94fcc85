use crate::components::link::SafeLink;
use crate::components::theme_toggle::ThemeToggle;
use crate::site::use_site;
use leptos::prelude::*;
use leptos_router::components::A;

/// The site header: a home link and the header links of `site.json` ("Report Exploitation").
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <A href="/" exact=true attr:class="site-header__home">
                    <span class="site-header__mark" aria-hidden="true">"IJM"</span>
                    <span class="visually-hidden">
                        {move || site.get().map(|site| site.name.clone()).unwrap_or_default()}
                        " home"
                    </span>
                </A>
                <nav class="site-header__nav" aria-label="Site">
                    <ul>
                        {move || {
                            site.get()
                                .map(|site| {
                                    let links = site
                                        .header_links
                                        .iter()
                                        .map(|link| {
                                            let label = link.label.clone();
                                            view! {
                                                <li>
                                                    <SafeLink
                                                        href=link.href.clone()
                                                        field="site.header_links.href"
                                                        class="site-header__link"
                                                    >
                                                        {label}
                                                    </SafeLink>
                                                </li>
                                            }
                                        })
                                        .collect_view();
                                    links
                                })
                        }}
                    </ul>
                </nav>
                <ThemeToggle />
            </div>
        </header>
    }
}
