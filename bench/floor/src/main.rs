//! The smallest page that does what every page of the app does: a router with a listing route
//! and a parameterised article route, in-app links, and one JSON document fetched, parsed with
//! serde and shown from a signal. The app's own idioms (signals and a task rather than a
//! resource, `FlatRoutes`), so the difference in size is the app's features, not its style.

#[cfg(target_arch = "wasm32")]
mod page {
    use leptos::prelude::*;
    use leptos::task::spawn_local;
    use leptos_router::components::{FlatRoutes, Route, Router, A};
    use leptos_router::hooks::use_params_map;
    use leptos_router::path;

    #[derive(serde::Deserialize)]
    struct Document {
        title: String,
        paragraphs: Vec<String>,
    }

    async fn fetch_document(slug: &str) -> Result<Document, String> {
        let response = gloo_net::http::Request::get(&format!("/content/{slug}.json"))
            .send()
            .await
            .map_err(|error| error.to_string())?;
        let text = response.text().await.map_err(|error| error.to_string())?;
        serde_json::from_str(&text).map_err(|error| error.to_string())
    }

    #[component]
    fn ArticleRoute() -> impl IntoView {
        let params = use_params_map();
        let document = RwSignal::new_local(None::<Result<Document, String>>);
        Effect::new(move |_| {
            let slug = params.with(|params| params.get("slug").unwrap_or_default());
            spawn_local(async move { document.set(Some(fetch_document(&slug).await)) });
        });
        move || {
            document.with(|document| match document {
                None => view! { <p>"Loading"</p> }.into_any(),
                Some(Ok(document)) => view! {
                    <h1>{document.title.clone()}</h1>
                    {document.paragraphs.iter().map(|text| view! { <p>{text.clone()}</p> }).collect_view()}
                }
                .into_any(),
                Some(Err(error)) => view! { <p role="alert">{error.clone()}</p> }.into_any(),
            })
        }
    }

    pub fn start() {
        console_error_panic_hook::set_once();
        mount_to_body(|| {
            view! {
                <Router>
                    <main>
                        <FlatRoutes fallback=|| "Not found">
                            <Route path=path!("/") view=|| view! { <A href="/articles/a">"An article"</A> } />
                            <Route path=path!("/articles/:slug") view=ArticleRoute />
                        </FlatRoutes>
                    </main>
                </Router>
            }
        });
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    page::start();
}
