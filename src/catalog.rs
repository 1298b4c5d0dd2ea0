//! The catalog: its types, and loading it from JSON (SPEC.md §1).
//!
//! Loading never panics and never drops a paper silently: every problem is
//! reported with the paper id (or index) and the field it concerns. Papers
//! refer to categories, companies, venues and tags by index into the
//! catalog's lists, so the rest of the app compares small integers, not
//! strings.

use serde_json::{Map, Value};
use std::collections::HashMap;
use std::fmt;

/// The catalog format this build understands.
pub const SCHEMA: u64 = 1;

/// A research area; the catalog declares six of them in a fixed order.
#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Company {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Venue {
    pub id: String,
    pub name: String,
    pub full_name: Option<String>,
}

/// A tag of the controlled vocabulary. Catalogs without a `tags` list get
/// one derived from the papers, named by their ids.
#[derive(Clone, Debug, PartialEq)]
pub struct Tag {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
}

/// One paper. References are indices into the [`Catalog`]'s lists.
#[derive(Clone, Debug, PartialEq)]
pub struct Paper {
    pub id: String,
    pub title: String,
    pub venue: usize,
    pub year: u16,
    pub companies: Vec<usize>,
    pub category: usize,
    pub tags: Vec<usize>,
    pub summary: String,
    pub url: Option<String>,
    pub doi: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    pub name: String,
    pub updated: Option<String>,
    pub categories: Vec<Category>,
    pub companies: Vec<Company>,
    pub venues: Vec<Venue>,
    pub tags: Vec<Tag>,
    pub papers: Vec<Paper>,
}

/// One thing wrong with a catalog: where (`paper "x" (#3)`, `venues[2]`),
/// which field, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub location: String,
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.location, self.message)
        } else {
            write!(
                f,
                "{}, field `{}`: {}",
                self.location, self.field, self.message
            )
        }
    }
}

/// Why a catalog could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogError {
    /// The text is not JSON at all.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON does not describe a valid catalog.
    Invalid(Vec<Problem>),
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogError::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "catalog.json is not valid JSON (line {line}, column {column}): {message}"
            ),
            CatalogError::Invalid(problems) => {
                let n = problems.len();
                write!(
                    f,
                    "catalog.json has {n} problem{}:",
                    if n == 1 { "" } else { "s" }
                )?;
                for p in problems {
                    write!(f, "\n- {p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for CatalogError {}

/// True for a slug: lowercase ASCII letters, digits and `-`, not empty.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// True for a link the app may render: `https:` or `http:` only, so that a
/// `javascript:` or `data:` URL in a catalog can never become a link.
pub fn is_web_url(s: &str) -> bool {
    let lower = s.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && s.len() > "https://".len()
        && !s.chars().any(char::is_whitespace)
}

impl Catalog {
    /// Parses and validates a catalog. All problems are collected, not just
    /// the first, so that a contributor can fix them in one pass.
    pub fn from_json(text: &str) -> Result<Catalog, CatalogError> {
        let value: Value = serde_json::from_str(text).map_err(|e| CatalogError::Syntax {
            line: e.line(),
            column: e.column(),
            message: syntax_message(&e),
        })?;
        let mut v = Validator::default();
        let catalog = v.catalog(&value);
        match catalog {
            Some(c) if v.problems.is_empty() => Ok(c),
            _ => Err(CatalogError::Invalid(v.problems)),
        }
    }

    pub fn paper_index(&self, id: &str) -> Option<usize> {
        self.papers.iter().position(|p| p.id == id)
    }

    pub fn venue_of(&self, paper: &Paper) -> &Venue {
        &self.venues[paper.venue]
    }

    pub fn category_of(&self, paper: &Paper) -> &Category {
        &self.categories[paper.category]
    }

    pub fn companies_of<'a>(&'a self, paper: &'a Paper) -> impl Iterator<Item = &'a Company> {
        paper.companies.iter().map(|&c| &self.companies[c])
    }

    pub fn tags_of<'a>(&'a self, paper: &'a Paper) -> impl Iterator<Item = &'a Tag> {
        paper.tags.iter().map(|&t| &self.tags[t])
    }
}

/// serde_json's message without its own " at line X column Y" suffix,
/// which [`CatalogError::Syntax`] states separately.
fn syntax_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    }
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

/// Where a problem is, as the user should read it.
fn paper_location(index: usize, obj: &Map<String, Value>) -> String {
    match obj.get("id").and_then(Value::as_str) {
        Some(id) if !id.is_empty() => format!("paper \"{id}\" (#{})", index + 1),
        _ => format!("paper #{}", index + 1),
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Validator {
    fn problem(&mut self, location: &str, field: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            location: location.to_string(),
            field: field.to_string(),
            message: message.into(),
        });
    }

    /// A required, non-empty string field.
    fn string(&mut self, obj: &Map<String, Value>, loc: &str, field: &str) -> Option<String> {
        match obj.get(field) {
            None | Some(Value::Null) => {
                self.problem(loc, field, "is missing");
                None
            }
            Some(Value::String(s)) if s.trim().is_empty() => {
                self.problem(loc, field, "is empty");
                None
            }
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                self.problem(
                    loc,
                    field,
                    format!("must be a string, found {}", kind_of(other)),
                );
                None
            }
        }
    }

    /// An optional string field: absent or null is fine.
    fn optional_string(
        &mut self,
        obj: &Map<String, Value>,
        loc: &str,
        field: &str,
    ) -> Option<String> {
        match obj.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                self.problem(
                    loc,
                    field,
                    format!("must be a string or null, found {}", kind_of(other)),
                );
                None
            }
        }
    }

    fn slug(&mut self, obj: &Map<String, Value>, loc: &str, field: &str) -> Option<String> {
        let s = self.string(obj, loc, field)?;
        if is_slug(&s) {
            Some(s)
        } else {
            self.problem(
                loc,
                field,
                format!("\"{s}\" is not a slug (lowercase letters, digits and '-')"),
            );
            None
        }
    }

    fn array<'v>(&mut self, obj: &'v Map<String, Value>, loc: &str, field: &str) -> &'v [Value] {
        match obj.get(field) {
            Some(Value::Array(items)) => items,
            None | Some(Value::Null) => {
                self.problem(loc, field, "is missing");
                &[]
            }
            Some(other) => {
                self.problem(
                    loc,
                    field,
                    format!("must be an array, found {}", kind_of(other)),
                );
                &[]
            }
        }
    }

    /// Reads a declaration list (`categories`, `companies`, …) and the map
    /// from id to index; duplicate ids are problems.
    fn declarations<T>(
        &mut self,
        root: &Map<String, Value>,
        list: &str,
        mut read: impl FnMut(&mut Self, &Map<String, Value>, &str, String) -> Option<T>,
    ) -> (Vec<T>, HashMap<String, usize>) {
        let mut items = Vec::new();
        let mut ids = HashMap::new();
        for (i, value) in self.array(root, "catalog", list).iter().enumerate() {
            let loc = format!("{list}[{i}]");
            let Some(obj) = value.as_object() else {
                self.problem(
                    &loc,
                    "",
                    format!("must be an object, found {}", kind_of(value)),
                );
                continue;
            };
            let Some(id) = self.slug(obj, &loc, "id") else {
                continue;
            };
            if ids.contains_key(&id) {
                self.problem(&loc, "id", format!("\"{id}\" is declared twice"));
                continue;
            }
            if let Some(item) = read(self, obj, &loc, id.clone()) {
                ids.insert(id, items.len());
                items.push(item);
            }
        }
        (items, ids)
    }

    fn catalog(&mut self, value: &Value) -> Option<Catalog> {
        let Some(root) = value.as_object() else {
            self.problem(
                "catalog",
                "",
                format!("must be a JSON object, found {}", kind_of(value)),
            );
            return None;
        };
        match root.get("schema") {
            Some(Value::Number(n)) if n.as_u64() == Some(SCHEMA) => {}
            Some(other) => self.problem(
                "catalog",
                "schema",
                format!("this app reads schema {SCHEMA}, found {other}"),
            ),
            None => self.problem("catalog", "schema", "is missing"),
        }
        let name = self
            .string(root, "catalog", "name")
            .unwrap_or_else(|| "Papers".to_string());
        let updated = self.optional_string(root, "catalog", "updated");

        let (categories, category_ids) =
            self.declarations(root, "categories", |v, obj, loc, id| {
                Some(Category {
                    name: v.string(obj, loc, "name")?,
                    description: v.optional_string(obj, loc, "description"),
                    id,
                })
            });
        let (companies, company_ids) = self.declarations(root, "companies", |v, obj, loc, id| {
            Some(Company {
                name: v.string(obj, loc, "name")?,
                id,
            })
        });
        let (venues, venue_ids) = self.declarations(root, "venues", |v, obj, loc, id| {
            Some(Venue {
                name: v.string(obj, loc, "name")?,
                full_name: v.optional_string(obj, loc, "full_name"),
                id,
            })
        });
        // The tag vocabulary is optional: without it, tags are declared by use.
        let vocabulary_given = root.get("tags").is_some_and(|t| !t.is_null());
        let (mut tags, mut tag_ids) = if vocabulary_given {
            self.declarations(root, "tags", |v, obj, loc, id| {
                Some(Tag {
                    name: v
                        .optional_string(obj, loc, "name")
                        .unwrap_or_else(|| id.clone()),
                    description: v.optional_string(obj, loc, "description"),
                    id,
                })
            })
        } else {
            (Vec::new(), HashMap::new())
        };

        let mut papers = Vec::new();
        let mut paper_ids: HashMap<String, usize> = HashMap::new();
        for (i, value) in self.array(root, "catalog", "papers").iter().enumerate() {
            let Some(obj) = value.as_object() else {
                self.problem(
                    &format!("paper #{}", i + 1),
                    "",
                    format!("must be an object, found {}", kind_of(value)),
                );
                continue;
            };
            let loc = paper_location(i, obj);
            let id = self.slug(obj, &loc, "id");
            if let Some(id) = &id {
                if let Some(first) = paper_ids.get(id) {
                    self.problem(
                        &loc,
                        "id",
                        format!("\"{id}\" is already used by paper #{}", first + 1),
                    );
                } else {
                    paper_ids.insert(id.clone(), i);
                }
            }
            let title = self.string(obj, &loc, "title");
            let summary = self.string(obj, &loc, "summary");
            let venue = self.reference(obj, &loc, "venue", &venue_ids, "venues");
            let category = self.reference(obj, &loc, "category", &category_ids, "categories");
            let year = match obj.get("year") {
                Some(Value::Number(n)) => match n.as_u64() {
                    Some(y @ 1900..=2200) => Some(y as u16),
                    _ => {
                        self.problem(&loc, "year", format!("{n} is not a plausible year"));
                        None
                    }
                },
                None | Some(Value::Null) => {
                    self.problem(&loc, "year", "is missing");
                    None
                }
                Some(other) => {
                    self.problem(
                        &loc,
                        "year",
                        format!("must be a number, found {}", kind_of(other)),
                    );
                    None
                }
            };
            let companies = self.references(obj, &loc, "companies", &company_ids, "companies");
            if companies.as_ref().is_some_and(Vec::is_empty) {
                self.problem(&loc, "companies", "names no company");
            }
            let paper_tags = if vocabulary_given {
                self.references(obj, &loc, "tags", &tag_ids, "tags")
            } else {
                // Declare each new tag by its first use.
                self.slugs(obj, &loc, "tags").map(|slugs| {
                    slugs
                        .into_iter()
                        .map(|t| {
                            *tag_ids.entry(t.clone()).or_insert_with(|| {
                                tags.push(Tag {
                                    id: t.clone(),
                                    name: t,
                                    description: None,
                                });
                                tags.len() - 1
                            })
                        })
                        .collect()
                })
            };
            let url = self.optional_string(obj, &loc, "url");
            if let Some(u) = &url {
                if !is_web_url(u) {
                    self.problem(&loc, "url", format!("\"{u}\" is not an http(s) link"));
                }
            }
            let doi = self.optional_string(obj, &loc, "doi");
            if let (
                Some(id),
                Some(title),
                Some(summary),
                Some(venue),
                Some(category),
                Some(year),
                Some(companies),
                Some(tags),
            ) = (
                id, title, summary, venue, category, year, companies, paper_tags,
            ) {
                papers.push(Paper {
                    id,
                    title,
                    venue,
                    year,
                    companies,
                    category,
                    tags,
                    summary,
                    url: url.filter(|u| is_web_url(u)),
                    doi,
                });
            }
        }
        Some(Catalog {
            name,
            updated,
            categories,
            companies,
            venues,
            tags,
            papers,
        })
    }

    fn reference(
        &mut self,
        obj: &Map<String, Value>,
        loc: &str,
        field: &str,
        ids: &HashMap<String, usize>,
        list: &str,
    ) -> Option<usize> {
        let id = self.string(obj, loc, field)?;
        let found = ids.get(&id).copied();
        if found.is_none() {
            self.problem(loc, field, format!("\"{id}\" is not declared in `{list}`"));
        }
        found
    }

    /// An array of slugs; duplicates are problems.
    fn slugs(&mut self, obj: &Map<String, Value>, loc: &str, field: &str) -> Option<Vec<String>> {
        let items = match obj.get(field) {
            Some(Value::Array(items)) => items,
            None | Some(Value::Null) => {
                self.problem(loc, field, "is missing");
                return None;
            }
            Some(other) => {
                self.problem(
                    loc,
                    field,
                    format!("must be an array of ids, found {}", kind_of(other)),
                );
                return None;
            }
        };
        let mut out: Vec<String> = Vec::with_capacity(items.len());
        let mut ok = true;
        for item in items {
            match item {
                Value::String(s) if is_slug(s) => {
                    if out.contains(s) {
                        self.problem(loc, field, format!("\"{s}\" is listed twice"));
                        ok = false;
                    } else {
                        out.push(s.clone());
                    }
                }
                Value::String(s) => {
                    self.problem(loc, field, format!("\"{s}\" is not a slug"));
                    ok = false;
                }
                other => {
                    self.problem(
                        loc,
                        field,
                        format!("items must be strings, found {}", kind_of(other)),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    fn references(
        &mut self,
        obj: &Map<String, Value>,
        loc: &str,
        field: &str,
        ids: &HashMap<String, usize>,
        list: &str,
    ) -> Option<Vec<usize>> {
        let slugs = self.slugs(obj, loc, field)?;
        let mut out = Vec::with_capacity(slugs.len());
        let mut ok = true;
        for s in slugs {
            match ids.get(&s) {
                Some(&i) => out.push(i),
                None => {
                    self.problem(loc, field, format!("\"{s}\" is not declared in `{list}`"));
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }
}
