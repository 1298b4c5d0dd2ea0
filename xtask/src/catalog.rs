//! `cargo xtask catalog check`: the app's own loader, then the stricter
//! contributor checks, with every problem listed so that all can be fixed in
//! one pass.

use std::fs;
use std::path::Path;
use systems_atlas::catalog::{Catalog, CatalogError};
use systems_atlas::date::Day;
use systems_atlas::lint::{allow_list, lint, LintOptions};

/// The catalog the app ships, relative to the repository root.
pub const BUNDLED: &str = "public/catalog.json";

/// Papers whose authors are not verified yet (one id per line), beside
/// the facts the bundled catalog is checked against.
const UNVERIFIED_AUTHORS: &str = include_str!("../../tests/data/unverified-authors.txt");

/// Prints the summary, or every problem then fails.
pub fn check(path: &Path) -> Result<(), String> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    match problems(&text, Day::today()) {
        Ok(summary) => {
            println!("{summary}");
            Ok(())
        }
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            let n = problems.len();
            let s = if n == 1 { "" } else { "s" };
            Err(format!("{} has {n} problem{s}", path.display()))
        }
    }
}

/// `catalog OK: …` for a clean catalog, else one line per problem.
fn problems(text: &str, today: Day) -> Result<String, Vec<String>> {
    let catalog = Catalog::from_json(text).map_err(|error| match error {
        CatalogError::Invalid(problems) => problems.iter().map(ToString::to_string).collect(),
        syntax @ CatalogError::Syntax { .. } => vec![syntax.to_string()],
    })?;
    let options = LintOptions {
        today,
        unverified_authors: &allow_list(UNVERIFIED_AUTHORS),
    };
    let problems: Vec<String> = lint(&catalog, &options)
        .iter()
        .map(ToString::to_string)
        .collect();
    if problems.is_empty() {
        let with_authors = catalog
            .papers
            .iter()
            .filter(|p| !p.authors.is_empty())
            .count();
        Ok(format!(
            "catalog OK: {} papers ({with_authors} with their authors, {} people), {} tags",
            catalog.papers.len(),
            catalog.people.len(),
            catalog.tags.len()
        ))
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::problems;
    use systems_atlas::date::Day;

    /// Far enough ahead that no paper of the bundled catalog is "future".
    const YEAR: Day = Day {
        year: 2100,
        month: 1,
        day: 1,
    };

    fn bundled() -> String {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/catalog.json");
        std::fs::read_to_string(path).expect("public/catalog.json is readable")
    }

    #[test]
    fn bundled_catalog_is_ok() {
        let summary = problems(&bundled(), YEAR).unwrap_or_else(|p| panic!("{}", p.join("\n")));
        assert!(summary.starts_with("catalog OK: "), "{summary}");
    }

    #[test]
    fn unknown_venue_names_the_paper() {
        let text = bundled();
        let start = text.find(r#""venue": ""#).expect("a paper has a venue") + 10;
        let end = start + text[start..].find('"').expect("closing quote");
        let broken = format!("{}no-such-venue{}", &text[..start], &text[end..]);
        let problems = problems(&broken, YEAR).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("paper \""), "{}", problems[0]);
        assert!(problems[0].contains("venue"), "{}", problems[0]);
    }

    #[test]
    fn syntax_error_is_one_line_with_its_position() {
        let problems = problems("{\"schema\": 1,", YEAR).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("line 1"), "{}", problems[0]);
    }
}
