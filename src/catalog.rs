//! The catalog: its types, and loading it from JSON (SPEC.md §1).
//!
//! Loading never panics and never drops a paper silently: every problem is
//! reported with the paper id (or index) and the field it concerns. Papers
//! refer to categories, companies, venues and tags by index into the
//! catalog's lists, so the rest of the app compares small integers, not
//! strings.

use crate::date::Day;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Number;
use std::collections::HashMap;
use std::fmt;
use std::hash::BuildHasher;
use std::marker::PhantomData;

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
    /// Indices into [`Catalog::people`], in the paper's order.
    pub authors: Vec<usize>,
    pub companies: Vec<usize>,
    pub category: usize,
    pub tags: Vec<usize>,
    pub summary: String,
    pub url: Option<String>,
    pub doi: Option<String>,
    /// The day the paper entered the catalog.
    pub added: Option<Day>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    pub name: String,
    pub updated: Option<String>,
    pub categories: Vec<Category>,
    pub companies: Vec<Company>,
    pub venues: Vec<Venue>,
    pub tags: Vec<Tag>,
    /// Every author name, once each, spelled as the papers spell it: a
    /// person on many papers is one string, not one per paper.
    pub people: Vec<String>,
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
        Catalog::load(|| serde_json::from_str(text))
    }

    /// [`Catalog::from_json`] over UTF-8 bytes.
    pub fn from_slice(bytes: &[u8]) -> Result<Catalog, CatalogError> {
        Catalog::load(|| serde_json::from_slice(bytes))
    }

    /// [`Catalog::from_json`] reading from a stream of bytes: the text is
    /// never held whole in memory, only the catalog it describes.
    pub fn from_reader(reader: impl std::io::Read) -> Result<Catalog, CatalogError> {
        Catalog::load(|| serde_json::from_reader(reader))
    }

    /// Parses with `parse` (serde_json over a text, bytes or a stream),
    /// with a fresh table of [`Name`]s for it, then validates.
    fn load(
        parse: impl FnOnce() -> serde_json::Result<Field<RawCatalog>>,
    ) -> Result<Catalog, CatalogError> {
        NAMES.with_borrow_mut(|table| *table = Default::default());
        let parsed = parse();
        let names = NAMES.with_borrow_mut(std::mem::take).names;
        let raw = parsed.map_err(|e| CatalogError::Syntax {
            line: e.line(),
            column: e.column(),
            message: syntax_message(&e),
        })?;
        let mut v = Validator {
            problems: Vec::new(),
            names,
        };
        let catalog = v.catalog(raw);
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

    /// The paper's author names, in its order.
    pub fn authors_of<'a>(&'a self, paper: &'a Paper) -> impl Iterator<Item = &'a str> {
        paper.authors.iter().map(|&a| self.people[a].as_str())
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

// The catalog as the JSON text has it, read in one pass without a tree of
// values: each field is a `Field` that holds what was found, so that a
// wrong type becomes a problem naming its paper and field instead of
// failing the parse. Unknown fields are skipped (SPEC.md §1).

/// A JSON value where the catalog expects a `T`, or what was found instead.
#[derive(Debug, Default)]
enum Field<T> {
    #[default]
    Absent,
    Null,
    Found(T),
    /// Another kind of JSON value: "a string", "an array", …
    Wrong(&'static str),
}

impl<T> Field<T> {
    /// What the value is, for "must be …, found …".
    fn kind(&self) -> &'static str {
        match self {
            Field::Absent | Field::Null => "null",
            Field::Found(_) => "the expected type",
            Field::Wrong(kind) => kind,
        }
    }

    fn is_given(&self) -> bool {
        !matches!(self, Field::Absent | Field::Null)
    }
}

/// The JSON values a type can be read from; any other is a `Field::Wrong`.
trait FromJson<'de>: Sized {
    fn from_str(_: &str) -> Option<Self> {
        None
    }
    fn from_number(_: Number) -> Option<Self> {
        None
    }
    fn from_seq<A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn from_map<A: MapAccess<'de>>(mut map: A) -> Result<Option<Self>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

impl FromJson<'_> for String {
    fn from_str(s: &str) -> Option<Self> {
        Some(s.to_string())
    }
}

/// A reference to a declared id (a venue, category, company or tag). Papers
/// repeat a few hundred ids up to a million times: each is interned while
/// parsing instead of allocated, so that no short-lived string is left
/// between the papers' texts (wasm memory keeps its high-water mark).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Name(u32);

thread_local! {
    /// The ids met by the parse in progress (see [`Catalog::load`]).
    static NAMES: std::cell::RefCell<Interner> = Default::default();
}

/// Each text once, found again through a table of indices into them: a
/// map keyed by the texts would hold every one twice (at 100,000 papers,
/// 260,000 author names), and the wasm memory keeps that peak.
#[derive(Default)]
struct Interner {
    table: hashbrown::HashTable<u32>,
    names: Vec<String>,
}

impl Interner {
    fn intern(&mut self, s: &str) -> u32 {
        let hash_of = |text: &str| rustc_hash::FxBuildHasher.hash_one(text);
        let Interner { table, names } = self;
        let hash = hash_of(s);
        if let Some(&id) = table.find(hash, |&id| names[id as usize] == s) {
            return id;
        }
        let id = names.len() as u32;
        names.push(s.to_string());
        table.insert_unique(hash, id, |&id| hash_of(&names[id as usize]));
        id
    }
}

impl FromJson<'_> for Name {
    fn from_str(s: &str) -> Option<Self> {
        Some(Name(NAMES.with_borrow_mut(|names| names.intern(s))))
    }
}

impl FromJson<'_> for Number {
    fn from_number(n: Number) -> Option<Self> {
        Some(n)
    }
}

impl<'de, T: FromJson<'de>> FromJson<'de> for Vec<Field<T>> {
    fn from_seq<A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Some(items))
    }
}

/// Objects of the catalog: read by their derived `Deserialize`.
macro_rules! json_object {
    ($($name:ident),*) => {$(
        impl<'de> FromJson<'de> for $name {
            fn from_map<A: MapAccess<'de>>(map: A) -> Result<Option<Self>, A::Error> {
                $name::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
            }
        }
    )*};
}
json_object!(RawCatalog, RawDeclaration, RawPaper);

impl<'de, T: FromJson<'de>> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct FieldVisitor<T>(PhantomData<T>);

        impl<T> FieldVisitor<T> {
            fn found(value: Option<T>, kind: &'static str) -> Field<T> {
                value.map_or(Field::Wrong(kind), Field::Found)
            }
        }

        impl<'de, T: FromJson<'de>> Visitor<'de> for FieldVisitor<T> {
            type Value = Field<T>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_unit<E>(self) -> Result<Field<T>, E> {
                Ok(Field::Null)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Field<T>, E> {
                Ok(Field::Wrong("a boolean"))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Field<T>, E> {
                Ok(Self::found(T::from_number(n.into()), "a number"))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Field<T>, E> {
                Ok(Self::found(T::from_number(n.into()), "a number"))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Field<T>, E> {
                Ok(Self::found(
                    Number::from_f64(n).and_then(T::from_number),
                    "a number",
                ))
            }
            fn visit_str<E>(self, s: &str) -> Result<Field<T>, E> {
                Ok(Self::found(T::from_str(s), "a string"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Field<T>, A::Error> {
                Ok(Self::found(T::from_seq(seq)?, "an array"))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Field<T>, A::Error> {
                Ok(Self::found(T::from_map(map)?, "an object"))
            }
        }

        d.deserialize_any(FieldVisitor(PhantomData))
    }
}

type List<T> = Field<Vec<Field<T>>>;

#[derive(Default, Deserialize)]
#[serde(default)]
struct RawCatalog {
    schema: Field<Number>,
    name: Field<String>,
    updated: Field<String>,
    categories: List<RawDeclaration>,
    companies: List<RawDeclaration>,
    venues: List<RawDeclaration>,
    tags: List<RawDeclaration>,
    papers: List<RawPaper>,
}

/// A category, company, venue or tag: each reads the fields it has.
#[derive(Default, Deserialize)]
#[serde(default)]
struct RawDeclaration {
    id: Field<String>,
    name: Field<String>,
    description: Field<String>,
    full_name: Field<String>,
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct RawPaper {
    id: Field<String>,
    title: Field<String>,
    venue: Field<Name>,
    year: Field<Number>,
    authors: List<Name>,
    companies: List<Name>,
    category: Field<Name>,
    tags: List<Name>,
    summary: Field<String>,
    url: Field<String>,
    doi: Field<String>,
    added: Field<String>,
}

struct Validator {
    problems: Vec<Problem>,
    /// The text of each [`Name`].
    names: Vec<String>,
}

/// Where a problem is, as the user should read it.
fn paper_location(index: usize, id: &Field<String>) -> String {
    match id {
        Field::Found(id) if !id.is_empty() => format!("paper \"{id}\" (#{})", index + 1),
        _ => format!("paper #{}", index + 1),
    }
}

impl Validator {
    /// A reference as text, for the checks strings get.
    fn named(&self, value: Field<Name>) -> Field<String> {
        match value {
            Field::Found(Name(i)) => Field::Found(self.names[i as usize].clone()),
            Field::Absent => Field::Absent,
            Field::Null => Field::Null,
            Field::Wrong(kind) => Field::Wrong(kind),
        }
    }

    fn named_list(&self, value: List<Name>) -> List<String> {
        match value {
            Field::Found(items) => {
                Field::Found(items.into_iter().map(|item| self.named(item)).collect())
            }
            Field::Absent => Field::Absent,
            Field::Null => Field::Null,
            Field::Wrong(kind) => Field::Wrong(kind),
        }
    }

    fn problem(&mut self, location: &str, field: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            location: location.to_string(),
            field: field.to_string(),
            message: message.into(),
        });
    }

    /// A required, non-empty string field.
    fn string(&mut self, value: Field<String>, loc: &str, field: &str) -> Option<String> {
        match value {
            Field::Absent | Field::Null => {
                self.problem(loc, field, "is missing");
                None
            }
            Field::Found(s) if s.trim().is_empty() => {
                self.problem(loc, field, "is empty");
                None
            }
            Field::Found(s) => Some(s),
            Field::Wrong(kind) => {
                self.problem(loc, field, format!("must be a string, found {kind}"));
                None
            }
        }
    }

    /// An optional string field: absent or null is fine.
    fn optional_string(&mut self, value: Field<String>, loc: &str, field: &str) -> Option<String> {
        match value {
            Field::Absent | Field::Null => None,
            Field::Found(s) if s.trim().is_empty() => None,
            Field::Found(s) => Some(s),
            Field::Wrong(kind) => {
                self.problem(
                    loc,
                    field,
                    format!("must be a string or null, found {kind}"),
                );
                None
            }
        }
    }

    fn slug(&mut self, value: Field<String>, loc: &str, field: &str) -> Option<String> {
        let s = self.string(value, loc, field)?;
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

    fn array<T>(&mut self, value: List<T>, loc: &str, field: &str) -> Vec<Field<T>> {
        match value {
            Field::Found(items) => items,
            Field::Absent | Field::Null => {
                self.problem(loc, field, "is missing");
                Vec::new()
            }
            Field::Wrong(kind) => {
                self.problem(loc, field, format!("must be an array, found {kind}"));
                Vec::new()
            }
        }
    }

    /// Reads a declaration list (`categories`, `companies`, …) and the map
    /// from id to index; duplicate ids are problems.
    fn declarations<T>(
        &mut self,
        value: List<RawDeclaration>,
        list: &str,
        mut read: impl FnMut(&mut Self, RawDeclaration, &str, String) -> Option<T>,
    ) -> (Vec<T>, HashMap<String, usize>) {
        let mut items = Vec::new();
        let mut ids = HashMap::new();
        for (i, value) in self.array(value, "catalog", list).into_iter().enumerate() {
            let loc = format!("{list}[{i}]");
            let Field::Found(mut obj) = value else {
                self.problem(
                    &loc,
                    "",
                    format!("must be an object, found {}", value.kind()),
                );
                continue;
            };
            let Some(id) = self.slug(std::mem::take(&mut obj.id), &loc, "id") else {
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

    fn catalog(&mut self, value: Field<RawCatalog>) -> Option<Catalog> {
        let root = match value {
            Field::Found(root) => root,
            other => {
                self.problem(
                    "catalog",
                    "",
                    format!("must be a JSON object, found {}", other.kind()),
                );
                return None;
            }
        };
        match &root.schema {
            Field::Found(n) if n.as_u64() == Some(SCHEMA) => {}
            Field::Found(n) => self.problem(
                "catalog",
                "schema",
                format!("this app reads schema {SCHEMA}, found {n}"),
            ),
            Field::Absent => self.problem("catalog", "schema", "is missing"),
            other => self.problem(
                "catalog",
                "schema",
                format!("this app reads schema {SCHEMA}, found {}", other.kind()),
            ),
        }
        let name = self
            .string(root.name, "catalog", "name")
            .unwrap_or_else(|| "Papers".to_string());
        let updated = self.optional_string(root.updated, "catalog", "updated");

        let (categories, category_ids) =
            self.declarations(root.categories, "categories", |v, obj, loc, id| {
                Some(Category {
                    name: v.string(obj.name, loc, "name")?,
                    description: v.optional_string(obj.description, loc, "description"),
                    id,
                })
            });
        let (companies, company_ids) =
            self.declarations(root.companies, "companies", |v, obj, loc, id| {
                Some(Company {
                    name: v.string(obj.name, loc, "name")?,
                    id,
                })
            });
        let (venues, venue_ids) = self.declarations(root.venues, "venues", |v, obj, loc, id| {
            Some(Venue {
                name: v.string(obj.name, loc, "name")?,
                full_name: v.optional_string(obj.full_name, loc, "full_name"),
                id,
            })
        });
        // The tag vocabulary is optional: without it, tags are declared by use.
        let vocabulary_given = root.tags.is_given();
        let (mut tags, mut tag_ids) = if vocabulary_given {
            self.declarations(root.tags, "tags", |v, obj, loc, id| {
                Some(Tag {
                    name: v
                        .optional_string(obj.name, loc, "name")
                        .unwrap_or_else(|| id.clone()),
                    description: v.optional_string(obj.description, loc, "description"),
                    id,
                })
            })
        } else {
            (Vec::new(), HashMap::new())
        };

        // Authors are interned while parsing (see [`Name`]); each distinct
        // name becomes one entry of `people`, moved out of the table at the
        // end, so that no name is held twice.
        let mut people: Vec<u32> = Vec::new();
        let mut person_of_name: HashMap<u32, usize> = HashMap::new();
        let raw_papers = self.array(root.papers, "catalog", "papers");
        let mut papers = Vec::with_capacity(raw_papers.len());
        let mut paper_ids: HashMap<String, usize> = HashMap::new();
        for (i, value) in raw_papers.into_iter().enumerate() {
            let Field::Found(raw) = value else {
                self.problem(
                    &format!("paper #{}", i + 1),
                    "",
                    format!("must be an object, found {}", value.kind()),
                );
                continue;
            };
            let loc = paper_location(i, &raw.id);
            let id = self.slug(raw.id, &loc, "id");
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
            let title = self.string(raw.title, &loc, "title");
            let summary = self.string(raw.summary, &loc, "summary");
            let venue = self.named(raw.venue);
            let venue = self.reference(venue, &loc, "venue", &venue_ids, "venues");
            let category = self.named(raw.category);
            let category = self.reference(category, &loc, "category", &category_ids, "categories");
            let year = match raw.year {
                Field::Found(n) => match n.as_u64() {
                    Some(y @ 1900..=2200) => Some(y as u16),
                    _ => {
                        self.problem(&loc, "year", format!("{n} is not a plausible year"));
                        None
                    }
                },
                Field::Absent | Field::Null => {
                    self.problem(&loc, "year", "is missing");
                    None
                }
                Field::Wrong(kind) => {
                    self.problem(&loc, "year", format!("must be a number, found {kind}"));
                    None
                }
            };
            let authors = self.authors(raw.authors, &loc, &mut people, &mut person_of_name);
            let companies = self.named_list(raw.companies);
            let companies =
                self.references(companies, &loc, "companies", &company_ids, "companies");
            if companies.as_ref().is_some_and(Vec::is_empty) {
                self.problem(&loc, "companies", "names no company");
            }
            let raw_tags = self.named_list(raw.tags);
            let paper_tags = if vocabulary_given {
                self.references(raw_tags, &loc, "tags", &tag_ids, "tags")
            } else {
                // Declare each new tag by its first use.
                self.slugs(raw_tags, &loc, "tags").map(|slugs| {
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
            let url = self.optional_string(raw.url, &loc, "url");
            if let Some(u) = &url {
                if !is_web_url(u) {
                    self.problem(&loc, "url", format!("\"{u}\" is not an http(s) link"));
                }
            }
            let doi = self.optional_string(raw.doi, &loc, "doi");
            let added = self
                .optional_string(raw.added, &loc, "added")
                .and_then(|text| {
                    let day = Day::parse(&text);
                    if day.is_none() {
                        self.problem(
                            &loc,
                            "added",
                            format!("\"{text}\" is not a date (YYYY-MM-DD)"),
                        );
                    }
                    day
                });
            if let (
                Some(id),
                Some(title),
                Some(summary),
                Some(venue),
                Some(category),
                Some(year),
                Some(authors),
                Some(companies),
                Some(tags),
            ) = (
                id, title, summary, venue, category, year, authors, companies, paper_tags,
            ) {
                papers.push(Paper {
                    id,
                    title,
                    venue,
                    year,
                    authors,
                    companies,
                    category,
                    tags,
                    summary,
                    url: url.filter(|u| is_web_url(u)),
                    doi,
                    added,
                });
            }
        }
        let people = people
            .into_iter()
            .map(|n| std::mem::take(&mut self.names[n as usize]))
            .collect();
        Some(Catalog {
            name,
            updated,
            categories,
            companies,
            venues,
            tags,
            people,
            papers,
        })
    }

    /// A paper's `authors`: optional (SPEC.md §1), else an array of
    /// non-empty names, each added to `people` on its first appearance.
    fn authors(
        &mut self,
        value: List<Name>,
        loc: &str,
        people: &mut Vec<u32>,
        person_of_name: &mut HashMap<u32, usize>,
    ) -> Option<Vec<usize>> {
        let items = match value {
            Field::Absent | Field::Null => return Some(Vec::new()),
            Field::Found(items) => items,
            Field::Wrong(kind) => {
                self.problem(
                    loc,
                    "authors",
                    format!("must be an array of names, found {kind}"),
                );
                return None;
            }
        };
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for item in items {
            match item {
                Field::Found(Name(n)) if !self.names[n as usize].trim().is_empty() => {
                    let person = *person_of_name.entry(n).or_insert_with(|| {
                        people.push(n);
                        people.len() - 1
                    });
                    out.push(person);
                }
                Field::Found(_) => {
                    self.problem(loc, "authors", "has an empty name");
                    ok = false;
                }
                other => {
                    self.problem(
                        loc,
                        "authors",
                        format!("names must be strings, found {}", other.kind()),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    fn reference(
        &mut self,
        value: Field<String>,
        loc: &str,
        field: &str,
        ids: &HashMap<String, usize>,
        list: &str,
    ) -> Option<usize> {
        let id = self.string(value, loc, field)?;
        let found = ids.get(&id).copied();
        if found.is_none() {
            self.problem(loc, field, format!("\"{id}\" is not declared in `{list}`"));
        }
        found
    }

    /// An array of slugs; duplicates are problems.
    fn slugs(&mut self, value: List<String>, loc: &str, field: &str) -> Option<Vec<String>> {
        let items = match value {
            Field::Found(items) => items,
            Field::Absent | Field::Null => {
                self.problem(loc, field, "is missing");
                return None;
            }
            Field::Wrong(kind) => {
                self.problem(loc, field, format!("must be an array of ids, found {kind}"));
                return None;
            }
        };
        let mut out: Vec<String> = Vec::with_capacity(items.len());
        let mut ok = true;
        for item in items {
            match item {
                Field::Found(s) if is_slug(&s) => {
                    if out.contains(&s) {
                        self.problem(loc, field, format!("\"{s}\" is listed twice"));
                        ok = false;
                    } else {
                        out.push(s);
                    }
                }
                Field::Found(s) => {
                    self.problem(loc, field, format!("\"{s}\" is not a slug"));
                    ok = false;
                }
                other => {
                    self.problem(
                        loc,
                        field,
                        format!("items must be strings, found {}", other.kind()),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    fn references(
        &mut self,
        value: List<String>,
        loc: &str,
        field: &str,
        ids: &HashMap<String, usize>,
        list: &str,
    ) -> Option<Vec<usize>> {
        let slugs = self.slugs(value, loc, field)?;
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
