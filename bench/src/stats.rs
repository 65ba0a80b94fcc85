//! Summaries and the printed table. Medians, because the machines this runs on are shared and
//! a single slow run says more about the neighbours than about the page.

/// Median, minimum and maximum of one figure over the runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

impl Summary {
    /// `None` without a finite sample (a figure the browser did not report).
    pub fn of(samples: &[f64]) -> Option<Summary> {
        let mut sorted: Vec<f64> = samples.iter().copied().filter(|x| x.is_finite()).collect();
        if sorted.is_empty() {
            return None;
        }
        sorted.sort_by(f64::total_cmp);
        let mid = sorted.len() / 2;
        let median = if sorted.len().is_multiple_of(2) {
            (sorted[mid - 1] + sorted[mid]) / 2.0
        } else {
            sorted[mid]
        };
        Some(Summary {
            median,
            min: sorted[0],
            max: sorted[sorted.len() - 1],
        })
    }
}

/// Rows of `label | median | min | max | unit`, with section headings and free notes.
#[derive(Default)]
pub struct Table {
    lines: Vec<String>,
}

impl Table {
    pub fn section(&mut self, title: &str) {
        self.lines.push(String::new());
        self.lines.push(format!("## {title}"));
        self.lines.push(format!(
            "{:<52} {:>10} {:>10} {:>10}  unit",
            "figure", "median", "min", "max"
        ));
    }

    pub fn row(&mut self, label: &str, samples: &[f64], unit: &str) -> Option<Summary> {
        let summary = Summary::of(samples);
        self.lines.push(match summary {
            Some(s) => format!(
                "{label:<52} {:>10} {:>10} {:>10}  {unit}",
                shown(s.median),
                shown(s.min),
                shown(s.max)
            ),
            None => format!("{label:<52} {:>10}  {unit}", "n/a"),
        });
        summary
    }

    /// A single figure, or a ratio of medians, in the median column.
    pub fn value(&mut self, label: &str, value: f64, unit: &str) {
        self.lines
            .push(format!("{label:<52} {:>10}  {unit}", shown(value)));
    }

    pub fn note(&mut self, text: &str) {
        self.lines.push(format!("  {text}"));
    }

    pub fn print(&self) {
        for line in &self.lines {
            println!("{line}");
        }
    }
}

/// Whole numbers above 100, two decimals below: ms and bytes read without noise digits,
/// ratios and per-paragraph times keep theirs.
fn shown(x: f64) -> String {
    if !x.is_finite() {
        "n/a".to_string()
    } else if x.abs() >= 100.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.2}")
    }
}

/// Ratio of two medians, NaN when either is missing.
pub fn ratio(a: Option<Summary>, b: Option<Summary>) -> f64 {
    match (a, b) {
        (Some(a), Some(b)) if b.median != 0.0 => a.median / b.median,
        _ => f64::NAN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summarises_odd_and_even_samples_ignoring_missing_values() {
        let odd = Summary::of(&[5.0, 1.0, 3.0]).unwrap();
        assert_eq!((odd.median, odd.min, odd.max), (3.0, 1.0, 5.0));
        let even = Summary::of(&[4.0, f64::NAN, 1.0, 2.0, 3.0]).unwrap();
        assert_eq!(even.median, 2.5);
        assert_eq!(Summary::of(&[f64::NAN]), None);
    }

    #[test]
    fn ratio_of_medians() {
        let a = Summary::of(&[10.0]);
        let b = Summary::of(&[4.0]);
        assert_eq!(ratio(a, b), 2.5);
        assert!(ratio(a, None).is_nan());
    }
}
