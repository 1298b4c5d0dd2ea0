//! The catalog loader (SPEC.md §1) on any bytes: a catalog or an error that
//! says why, never a panic, as the proptests in tests/catalog_errors.rs
//! check. A catalog that loads also goes through the contributor checks
//! that `cargo xtask catalog check` runs on it.

#![no_main]

use libfuzzer_sys::fuzz_target;
use systems_atlas::catalog::Catalog;
use systems_atlas::date::Day;
use systems_atlas::lint::{lint, LintOptions};

fuzz_target!(|data: &[u8]| {
    // The app reads the response as text, so the loader only ever sees a
    // string: bytes that are not UTF-8 are replaced the way a browser would.
    let text = String::from_utf8_lossy(data);
    match Catalog::from_json(&text) {
        Ok(catalog) => {
            let options = LintOptions {
                today: Day {
                    year: 2026,
                    month: 12,
                    day: 1,
                },
                unverified_authors: &["orion-nsdi21"],
            };
            let _ = lint(&catalog, &options);
        }
        Err(error) => assert!(!error.to_string().is_empty(), "an error without a message"),
    }
});
