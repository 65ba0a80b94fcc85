//! The order problems are reported in: by file, with numbers in names compared as numbers
//! (`pages/2.json` before `pages/10.json`). Within a file, problems keep the order the rules
//! found them in, which follows the fields of the file, so a file's problems read top to
//! bottom like the file rather than alphabetically by path.

use super::Problem;
use std::cmp::Ordering;

pub(super) fn sort(problems: &mut [Problem]) {
    problems.sort_by(|a, b| natural(&a.file, &b.file));
}

/// Compares runs of digits by value and everything else character by character.
fn natural(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        match (a.chars().next(), b.chars().next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (x_digits, x_rest) = split_digits(a);
                let (y_digits, y_rest) = split_digits(b);
                let by_value = compare_digits(x_digits, y_digits);
                if by_value != Ordering::Equal {
                    return by_value;
                }
                (a, b) = (x_rest, y_rest);
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(&y);
                }
                (a, b) = (&a[x.len_utf8()..], &b[y.len_utf8()..]);
            }
        }
    }
}

fn split_digits(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s.split_at(end)
}

/// By value, however many digits: fewer significant digits is smaller, then digit by digit;
/// equal values with different zero padding fall back to the text so the order stays total.
fn compare_digits(a: &str, b: &str) -> Ordering {
    let (a_value, b_value) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
    a_value
        .len()
        .cmp(&b_value.len())
        .then_with(|| a_value.cmp(b_value))
        .then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::natural;
    use std::cmp::Ordering;

    #[test]
    fn numbers_inside_paths_compare_by_value() {
        let mut paths = vec![
            "body[10].text",
            "body[2]",
            ".",
            "body[2].alt",
            "articles/b.json",
            "articles/a10.json",
            "articles/a9.json",
            "body[002]",
        ];
        paths.sort_by(|a, b| natural(a, b));
        assert_eq!(
            paths,
            [
                ".",
                "articles/a9.json",
                "articles/a10.json",
                "articles/b.json",
                "body[002]",
                "body[2]",
                "body[2].alt",
                "body[10].text",
            ]
        );
        let huge = "9".repeat(50);
        assert_eq!(natural(&huge, "1"), Ordering::Greater);
    }
}
