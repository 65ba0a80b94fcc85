use crate::browser::clock::current_year;
use crate::site::use_site;
use leptos::prelude::*;

/// "© 1997 - <this year> International Justice Mission".
#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    view! {
        <footer class="site-footer">
            <p>
                {move || {
                    site.get()
                        .map(|site| copyright_line(site.copyright_start_year, current_year(), &site.name))
                }}
            </p>
        </footer>
    }
}

fn copyright_line(start_year: u16, this_year: i32, holder: &str) -> String {
    format!("© {start_year} - {this_year} {holder}")
}
