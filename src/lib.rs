//! Systems Atlas: explore papers on production systems.
//!
//! Data flows one way: [`catalog`] (parse, validate) → [`query`] (URL ↔
//! typed view) → [`atlas`] (search, facet counts, chart bins over the
//! catalog) → the components in `app`, which only render and turn clicks
//! back into a new [`query::Query`]. Everything but `app` is plain Rust and
//! tests natively.

// The explorer's view type is deep when the components render to HTML.
#![recursion_limit = "256"]

pub mod atlas;
pub mod bits;
pub mod catalog;
pub mod chart;
pub mod date;
pub mod export;
pub mod lint;
pub mod order;
pub mod query;
pub mod related;
pub mod saved;
pub mod search;
pub mod site;
pub mod text;

#[cfg(feature = "components")]
pub mod app;
