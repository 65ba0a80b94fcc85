//! What is measured, in which order. Runs are interleaved (app, static, app on the large
//! catalog, the long articles, then again) so that a burst of load from other work on the
//! machine spreads over every figure instead of skewing one of them.

use crate::browser::{Driver, Server};
use crate::phone;
use crate::probe;
use crate::results::{kept, Results, Target};
use crate::static_page::static_href;
use crate::{content, progress, synth, LONG, SEED, WALK};
use std::path::{Path, PathBuf};

pub struct Plan {
    pub sample_root: PathBuf,
    pub catalog_root: PathBuf,
    pub app: Target,
    pub static_page: Target,
    /// The article behind the seed's first Read More card: what the click must show.
    pub next_texts: Vec<String>,
    pub catalog: Target,
    pub long: Vec<(usize, Target)>,
    /// The seed article as the build serves it, when the build prerenders it.
    pub built: Option<Target>,
}

pub struct Servers<'a> {
    pub sample: &'a Server,
    pub catalog: &'a Server,
    pub built: Option<&'a Server>,
}

impl Plan {
    pub fn new(sample_root: &Path, catalog_root: &Path, servers: &Servers) -> Result<Plan, String> {
        let (sample, catalog) = (servers.sample, servers.catalog);
        let sample_content = sample_root.join("content");
        let catalog_content = catalog_root.join("content");
        let seed = content::article(&sample_content, SEED)?;
        let first_card = content::related(&sample_content, &seed)
            .into_iter()
            .next()
            .ok_or("the seed article has no Read More card to click")?;
        let seed_texts = content::ready_texts(&sample_content, SEED)?;
        let seed_texts_for_built = seed_texts.clone();
        let mut long = Vec::new();
        for paragraphs in LONG {
            let slug = synth::long_slug(paragraphs);
            let article = content::article(&catalog_content, &slug)?;
            let target = Target {
                slug: slug.clone(),
                url: catalog.url(&format!("/articles/{slug}")),
                texts: content::last_paragraph(&article).into_iter().collect(),
            };
            long.push((paragraphs, target));
        }
        Ok(Plan {
            sample_root: sample_root.to_path_buf(),
            catalog_root: catalog_root.to_path_buf(),
            app: Target {
                slug: SEED.to_string(),
                url: sample.url(&format!("/articles/{SEED}")),
                texts: seed_texts.clone(),
            },
            static_page: Target {
                slug: SEED.to_string(),
                url: sample.url(&static_href(SEED)),
                texts: seed_texts,
            },
            next_texts: content::ready_texts(&sample_content, &first_card.slug)?,
            catalog: Target {
                slug: SEED.to_string(),
                url: catalog.url(&format!("/articles/{SEED}")),
                texts: content::ready_texts(&catalog_content, SEED)?,
            },
            long,
            built: servers.built.map(|built| Target {
                slug: SEED.to_string(),
                url: built.url(&format!("/articles/{SEED}")),
                texts: seed_texts_for_built,
            }),
        })
    }

    /// The phone profile, then (unless `phone_only`) every loopback figure.
    pub async fn measure(
        &self,
        driver: &Driver,
        runs: usize,
        phone_runs: usize,
        phone_only: bool,
    ) -> Result<Results, String> {
        let mut results = Results {
            long: vec![Vec::new(); self.long.len()],
            ..Results::default()
        };
        let built = self.built.as_ref();
        phone::measure(
            driver,
            &self.static_page,
            built,
            &self.next_texts,
            phone_runs,
            &mut results,
        )
        .await?;
        if !phone_only {
            self.measure_loopback(driver, runs, &mut results).await?;
        }
        Ok(results)
    }

    async fn measure_loopback(
        &self,
        driver: &Driver,
        runs: usize,
        results: &mut Results,
    ) -> Result<(), String> {
        // The first browser start on a quiet machine pays for loading Chromium from disk;
        // one untimed pass keeps that out of the first run.
        progress("warm-up pass (not counted)");
        probe::cold_load(driver, &self.app.url, &self.app.texts).await?;
        probe::cold_load(driver, &self.static_page.url, &self.static_page.texts).await?;

        for run in 1..=runs {
            progress(&format!("run {run} of {runs}"));
            let app = &self.app;
            let clicked =
                probe::cold_load_then_click(driver, &app.url, &app.texts, &self.next_texts, true)
                    .await;
            if let Some((load, click)) = kept(results, "app + click", clicked) {
                results.app.push(load);
                results.click.push(click);
            }
            let clicked =
                probe::cold_load_then_click(driver, &app.url, &app.texts, &self.next_texts, false)
                    .await;
            if let Some((_, click)) = kept(results, "app + unwarned click", clicked) {
                results.click_unwarned.push(click);
            }
            let page = &self.static_page;
            let load = probe::cold_load(driver, &page.url, &page.texts).await;
            if let Some(load) = kept(results, "static", load) {
                results.static_page.push(load);
            }
            if let Some(page) = &self.built {
                let load = probe::cold_load(driver, &page.url, &page.texts).await;
                if let Some(load) = kept(results, "app as built", load) {
                    results.built.push(load);
                }
            }
            let page = &self.catalog;
            let load = probe::cold_load(driver, &page.url, &page.texts).await;
            if let Some(load) = kept(results, "catalog", load) {
                results.catalog.push(load);
            }
            for (index, (paragraphs, page)) in self.long.iter().enumerate() {
                let load = probe::cold_load(driver, &page.url, &page.texts).await;
                if let Some(load) = kept(results, &format!("{paragraphs} paragraphs"), load) {
                    results.long[index].push(load);
                }
            }
            if results.failures.len() > runs {
                return Err(format!(
                    "too many failed measurements: {:?}",
                    results.failures
                ));
            }
        }
        progress(&format!("heap: {WALK} client-side navigations"));
        results.heap = Some(probe::heap_walk(driver, &self.app.url, &self.app.texts, WALK).await?);
        Ok(())
    }
}
