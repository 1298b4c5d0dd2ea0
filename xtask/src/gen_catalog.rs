//! `cargo xtask gen-catalog N [--out PATH]`: a catalog of any size for the
//! speed benchmark, shaped like `public/catalog.json` (SPEC.md §1).
//!
//! The 100 real papers come first, so that real searches still find what
//! they find in the shipped app; the rest are made up from a fixed seed, so
//! every run writes the same bytes. The categories, companies, venues and
//! the 52-tag vocabulary are the real ones, and each made-up paper draws
//! its tags, venue and companies from how often the real papers of its
//! category use them: facet counts, the tag cloud and the charts look like
//! a bigger version of the real catalog, not like uniform noise. Titles and
//! summaries come from per-tag phrases, so a paper tagged `rdma` talks
//! about RDMA and searching for it finds papers that are about it.
//!
//! The output loads in the app (it is checked here with the app's own
//! loader); the stricter contributor lint may still complain.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use systems_atlas::catalog::{Catalog, Paper};
use systems_atlas::date::Day;

/// Where the catalog goes without `--out`, relative to the repository root.
pub fn default_out(papers: usize) -> String {
    format!("target/bench/catalog-{papers}.json")
}

/// Parses `N [--out PATH]`, writes the catalog, and checks that it loads.
pub fn run(root: &Path, args: &[&str]) -> Result<(), String> {
    let usage = "usage: cargo xtask gen-catalog N [--out PATH]";
    let (count, out) = match args {
        [n] => (*n, None),
        [n, "--out", path] => (*n, Some(*path)),
        [n, option] if option.starts_with("--out=") => (*n, Some(&option["--out=".len()..])),
        _ => return Err(usage.to_string()),
    };
    let count: usize = count
        .replace('_', "")
        .parse()
        .map_err(|_| format!("`{count}` is not a number of papers; {usage}"))?;
    let out = out.map_or_else(|| root.join(default_out(count)), PathBuf::from);
    write(root, count, &out)?;
    Ok(())
}

/// Writes a catalog of `count` papers to `out` and checks that the app's
/// loader accepts it.
pub fn write(root: &Path, count: usize, out: &Path) -> Result<(), String> {
    let real_path = root.join(crate::catalog::BUNDLED);
    let real_text = fs::read_to_string(&real_path)
        .map_err(|e| format!("cannot read {}: {e}", real_path.display()))?;
    let real = Catalog::from_json(&real_text)
        .map_err(|e| format!("{} does not load: {e}", real_path.display()))?;
    let json = generate(&real, count);
    // The generator promises a catalog the app loads; hold it to that.
    let loaded = Catalog::from_json(&json)
        .map_err(|e| format!("the generated catalog does not load (a generator bug): {e}"))?;
    if let Some(dir) = out.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    fs::write(out, &json).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!(
        "gen-catalog: {} papers ({} real), {:.1} MB in {}",
        loaded.papers.len(),
        count.min(real.papers.len()),
        json.len() as f64 / 1e6,
        out.display()
    );
    Ok(())
}

/// The catalog text: the real lists, the first `count` real papers, then
/// made-up papers up to `count`.
pub fn generate(real: &Catalog, count: usize) -> String {
    let mut out = String::with_capacity(600 * count + 20_000);
    out.push_str("{\n  \"schema\": 1,\n");
    let _ = writeln!(
        out,
        "  \"name\": {},",
        quote(&format!("{} (benchmark, {count} papers)", real.name))
    );
    if let Some(updated) = &real.updated {
        let _ = writeln!(out, "  \"updated\": {},", quote(updated));
    }
    let list = |out: &mut String, name: &str, items: Vec<String>| {
        let _ = writeln!(out, "  \"{name}\": [\n    {}\n  ],", items.join(",\n    "));
    };
    let d = Option::as_ref;
    list(
        &mut out,
        "categories",
        real.categories
            .iter()
            .map(|c| {
                object(&[
                    ("id", Some(&c.id)),
                    ("name", Some(&c.name)),
                    ("description", d(&c.description)),
                ])
            })
            .collect(),
    );
    list(
        &mut out,
        "companies",
        real.companies
            .iter()
            .map(|c| object(&[("id", Some(&c.id)), ("name", Some(&c.name))]))
            .collect(),
    );
    list(
        &mut out,
        "venues",
        real.venues
            .iter()
            .map(|v| {
                object(&[
                    ("id", Some(&v.id)),
                    ("name", Some(&v.name)),
                    ("full_name", d(&v.full_name)),
                ])
            })
            .collect(),
    );
    list(
        &mut out,
        "tags",
        real.tags
            .iter()
            .map(|t| {
                object(&[
                    ("id", Some(&t.id)),
                    ("name", Some(&t.name)),
                    ("description", d(&t.description)),
                ])
            })
            .collect(),
    );

    out.push_str("  \"papers\": [\n");
    let mut generator = Generator::new(real);
    for i in 0..count {
        if i > 0 {
            out.push_str(",\n");
        }
        out.push_str("    ");
        match real.papers.get(i) {
            Some(paper) => write_paper(&mut out, real, &[], paper),
            None => {
                let paper = generator.paper();
                write_paper(&mut out, real, &generator.people, &paper);
            }
        }
    }
    out.push_str("\n  ]\n}\n");
    out
}

/// `{ "id": …, "name": …, … }` on one line, without the absent fields.
fn object(fields: &[(&str, Option<&String>)]) -> String {
    let parts: Vec<String> = fields
        .iter()
        .filter_map(|(key, value)| Some(format!("\"{key}\": {}", quote(value.as_ref()?))))
        .collect();
    format!("{{ {} }}", parts.join(", "))
}

/// One paper on one line, its references written as the ids they index,
/// its authors as names (`people`: the real catalog's, then made-up ones).
fn write_paper(out: &mut String, catalog: &Catalog, made_up: &[String], paper: &Paper) {
    let person = |i: usize| {
        catalog
            .people
            .get(i)
            .unwrap_or_else(|| &made_up[i - catalog.people.len()])
    };
    let authors: Vec<String> = paper.authors.iter().map(|&a| quote(person(a))).collect();
    let ids = |list: &[usize], id: &dyn Fn(usize) -> String| -> String {
        let quoted: Vec<String> = list.iter().map(|&i| quote(&id(i))).collect();
        format!("[{}]", quoted.join(", "))
    };
    let optional = |value: &Option<String>| value.as_deref().map_or("null".into(), quote);
    let _ = write!(
        out,
        "{{ \"id\": {}, \"title\": {}, \"venue\": {}, \"year\": {}, \"authors\": [{}], \
         \"companies\": {}, \"category\": {}, \"tags\": {}, \"summary\": {}, \"url\": {}, \
         \"doi\": {}, \"added\": {} }}",
        quote(&paper.id),
        quote(&paper.title),
        quote(&catalog.venues[paper.venue].id),
        paper.year,
        authors.join(", "),
        ids(&paper.companies, &|i| catalog.companies[i].id.clone()),
        quote(&catalog.categories[paper.category].id),
        ids(&paper.tags, &|i| catalog.tags[i].id.clone()),
        quote(&paper.summary),
        optional(&paper.url),
        optional(&paper.doi),
        optional(&paper.added.map(|d| d.to_string())),
    );
}

/// A JSON string literal.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// SplitMix64: tiny, fast, and the same sequence on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`); the modulo bias is irrelevant here.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// An index drawn with probability proportional to `weights`.
    fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut ticket = self.next() % total.max(1);
        for (i, &w) in weights.iter().enumerate() {
            if ticket < w {
                return i;
            }
            ticket -= w;
        }
        weights.len() - 1
    }
}

/// The seed of every generated catalog: same input, same bytes.
const SEED: u64 = 0x5157_4154_4c41_5321;

/// Made-up papers, drawn from statistics of the real catalog.
struct Generator<'a> {
    real: &'a Catalog,
    rng: Rng,
    /// Per category: weights of each tag, venue and company in that
    /// category's real papers (plus one, so every value can appear).
    tag_weights: Vec<Vec<u64>>,
    venue_weights: Vec<Vec<u64>>,
    company_weights: Vec<Vec<u64>>,
    category_weights: Vec<u64>,
    /// Per tag of the vocabulary, what papers with it say.
    texts: Vec<TagText>,
    ids: HashSet<String>,
    titles: HashSet<String>,
    /// The made-up people so far; the generated catalog lists them after
    /// the real catalog's people.
    people: Vec<String>,
}

impl<'a> Generator<'a> {
    fn new(real: &'a Catalog) -> Generator<'a> {
        let categories = real.categories.len();
        let mut tag_weights = vec![vec![1u64; real.tags.len()]; categories];
        let mut venue_weights = vec![vec![1u64; real.venues.len()]; categories];
        let mut company_weights = vec![vec![1u64; real.companies.len()]; categories];
        let mut category_weights = vec![1u64; categories];
        for paper in &real.papers {
            let c = paper.category;
            category_weights[c] += 4;
            venue_weights[c][paper.venue] += 8;
            for &t in &paper.tags {
                tag_weights[c][t] += 12;
            }
            for &company in &paper.companies {
                company_weights[c][company] += 6;
            }
        }
        Generator {
            real,
            rng: Rng(SEED),
            tag_weights,
            venue_weights,
            company_weights,
            category_weights,
            texts: real.tags.iter().map(|t| tag_text(&t.id)).collect(),
            ids: real.papers.iter().map(|p| p.id.clone()).collect(),
            titles: real.papers.iter().map(|p| p.title.to_lowercase()).collect(),
            people: Vec::new(),
        }
    }

    fn paper(&mut self) -> Paper {
        let rng = &mut self.rng;
        let category = rng.weighted(&self.category_weights);
        let venue = rng.weighted(&self.venue_weights[category]);
        // More papers each year, as in the field.
        let year = 2020 + rng.weighted(&[6, 7, 8, 9, 10, 11, 12]) as u16;
        let mut companies = vec![rng.weighted(&self.company_weights[category])];
        if rng.chance(8) {
            let other = rng.weighted(&self.company_weights[category]);
            if other != companies[0] {
                companies.push(other);
            }
        }
        let tag_count = 2 + rng.weighted(&[30, 40, 20, 10]);
        let mut tags: Vec<usize> = Vec::with_capacity(tag_count);
        while tags.len() < tag_count {
            let t = rng.weighted(&self.tag_weights[category]);
            if !tags.contains(&t) {
                tags.push(t);
            }
        }

        let company = self.real.companies[companies[0]].name.clone();
        let (title, name) = loop {
            let name = system_name(&mut self.rng, category);
            let phrase = self.phrase(tags[0]);
            let title = title(&mut self.rng, &name, &company, phrase, category);
            if self.titles.insert(title.to_lowercase()) {
                break (title, name);
            }
        };
        let venue_id = &self.real.venues[venue].id;
        let base = format!("{}-{venue_id}{:02}", slug(&name), year % 100);
        let mut id = base.clone();
        let mut n = 2;
        while !self.ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let summary = summary(&mut self.rng, &name, &company, &tags, &self.texts);
        // 2 to 14 authors, most near 6, as in the real catalog.
        let author_count = 2 + self.rng.weighted(&[4, 6, 8, 9, 9, 8, 7, 6, 4, 3, 2, 2, 1]);
        let mut authors: Vec<usize> = Vec::with_capacity(author_count);
        while authors.len() < author_count {
            let person = self.person();
            if !authors.contains(&person) {
                authors.push(person);
            }
        }
        // Added on one of ten days of November 2026.
        let added = Some(Day {
            year: 2026,
            month: 11,
            day: 20 + self.rng.below(10) as u8,
        });
        Paper {
            id,
            title,
            venue,
            year,
            authors,
            companies,
            category,
            tags,
            summary,
            url: None,
            doi: None,
            added,
        }
    }

    /// A made-up author, as an index of the generated people (after the
    /// real ones): a few write many papers, most write one or two.
    fn person(&mut self) -> usize {
        let pool = self.people.len();
        let i = if pool > 0 && self.rng.chance(60) {
            // An earlier person is more likely: a few write many papers.
            let bound = self.rng.below(pool) + 1;
            self.rng.below(bound)
        } else {
            let name = made_up_name(self.people.len());
            self.people.push(name);
            self.people.len() - 1
        };
        self.real.people.len() + i
    }
}

/// The `n`th made-up person: a given name and a family name built from
/// syllables, distinct for every `n`.
fn made_up_name(n: usize) -> String {
    const GIVEN: [&str; 24] = [
        "Ada", "Bo", "Chen", "Dana", "Eli", "Fei", "Gita", "Hugo", "Ines", "Jun", "Kai", "Lena",
        "Mei", "Nia", "Omar", "Pia", "Quinn", "Ravi", "Sara", "Tao", "Uma", "Vik", "Wen", "Yara",
    ];
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mir", "tre", "ve", "zan", "or", "pel", "dex", "nim", "sol", "tar", "hal",
        "bri", "ost", "fen",
    ];
    let given = GIVEN[n % GIVEN.len()];
    let mut rest = n / GIVEN.len();
    let mut family = String::new();
    loop {
        family.push_str(SYLLABLES[rest % SYLLABLES.len()]);
        rest /= SYLLABLES.len();
        if rest == 0 && family.len() > 3 {
            break;
        }
    }
    format!("{given} {}", capitalize(&family))
}

impl Generator<'_> {
    /// A title phrase about tag `t`.
    fn phrase(&mut self, t: usize) -> &'static str {
        self.rng.pick(&self.texts[t].phrases)
    }
}

/// A made-up system name: two or three syllables, sometimes with a suffix
/// that fits the category (`KestrelDB`, `Orvan`, `Talimesh`).
fn system_name(rng: &mut Rng, category: usize) -> String {
    const SYLLABLES: [&str; 48] = [
        "ka", "lo", "mir", "tre", "ve", "zan", "qua", "or", "pel", "dex", "nim", "sol", "tar",
        "vi", "cor", "hal", "bri", "ost", "fen", "ru", "gal", "ix", "mon", "sy", "tel", "ar",
        "bel", "cy", "dra", "ely", "fa", "gri", "hes", "io", "jun", "kel", "lum", "mae", "nor",
        "pra", "rho", "sen", "tha", "ul", "vor", "wen", "xa", "zel",
    ];
    const SUFFIXES: [[&str; 3]; 6] = [
        ["", "", "Sched"],
        ["DB", "FS", "Store"],
        ["Net", "", "Path"],
        ["ML", "", "Flow"],
        ["", "Mesh", "Fn"],
        ["", "Scope", "Trace"],
    ];
    let syllables = 2 + rng.below(2);
    let mut name = String::new();
    for _ in 0..syllables {
        name.push_str(rng.pick(&SYLLABLES));
    }
    let mut name = capitalize(&name);
    if rng.chance(30) {
        name.push_str(rng.pick(&SUFFIXES[category % SUFFIXES.len()]));
    }
    name
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Lowercase letters and digits of `name`, for paper ids.
fn slug(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// `Google's`, `Databricks'`.
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// A title phrase for running text: `Remote Memory Access` becomes
/// `remote memory access`, acronyms (`RDMA`, `SmartNIC`, `P4`) stay as
/// they are.
fn lowercase_words(phrase: &str) -> String {
    phrase
        .split(' ')
        .map(|word| {
            let chars: Vec<char> = word.chars().collect();
            let acronym = chars
                .windows(2)
                .any(|w| w[0].is_uppercase() && (w[1].is_uppercase() || w[1].is_ascii_digit()));
            if acronym {
                word.to_string()
            } else {
                word.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where a system runs, per category (title endings).
const CONTEXTS: [&[&str]; 6] = [
    &[
        "Shared Clusters",
        "Hyperscale Datacenters",
        "Multi-tenant Fleets",
        "Global Infrastructure",
    ],
    &[
        "Cloud Databases",
        "Disaggregated Datacenters",
        "Planet-Scale Storage",
        "Analytics Workloads",
    ],
    &[
        "Datacenter Networks",
        "the Wide Area",
        "Cloud Fabrics",
        "Edge Networks",
    ],
    &[
        "Large Model Training",
        "GPU Clusters",
        "Production Recommendation",
        "LLM Serving",
    ],
    &[
        "Cloud Functions",
        "Microservice Fleets",
        "Service Meshes",
        "Serverless Platforms",
    ],
    &[
        "Production Services",
        "Cloud Outages",
        "Large-Scale Incidents",
        "Global Deployments",
    ],
];

const ADJECTIVES: [&str; 12] = [
    "Scalable",
    "Efficient",
    "Predictable",
    "Low-Latency",
    "Fault-Tolerant",
    "Elastic",
    "Practical",
    "Cost-Effective",
    "Adaptive",
    "Unified",
    "Lightweight",
    "Verifiable",
];

fn title(rng: &mut Rng, name: &str, company: &str, phrase: &str, category: usize) -> String {
    let context = rng.pick(CONTEXTS[category]);
    let adjective = rng.pick(&ADJECTIVES);
    match rng.below(6) {
        0 => format!("{name}: {adjective} {phrase} for {context}"),
        1 => format!("{name}: {phrase} at {company} Scale"),
        2 => format!("{name}: Towards {adjective} {phrase} in {context}"),
        3 => format!("{adjective} {phrase} with {name}"),
        4 => format!("{name}: Rethinking {phrase} for {context}"),
        _ => format!(
            "{name}: {} {adjective} {phrase} Platform",
            possessive(company)
        ),
    }
}

/// Per tag of the real vocabulary: two title phrases, then two things a
/// system with that tag does (verb phrases for the summary).
const TAG_TEXT: &str = "\
autoscaling | Autoscaling | Elastic Resource Scaling | scales jobs up and down from forecasts of their demand | resizes each task's CPU and memory limits continuously
scheduling | Job Scheduling | Cluster Scheduling | places tasks on machines with a two-level scheduler | packs batch jobs around latency-critical services
capacity-planning | Capacity Planning | Fleet Capacity Management | plans hardware and power for each region a year ahead | moves reservations between regions as demand shifts
utilization | Resource Utilization | Efficient Resource Sharing | reclaims idle capacity for best-effort work | overcommits machines safely using usage histories
virtualization | Virtual Machines | Lightweight Virtualization | runs each tenant in a minimal virtual machine | live-migrates virtual machines off failing hosts
containers | Container Orchestration | Container Runtimes | starts containers from lazily fetched images | isolates co-located containers with kernel cgroups
sharding | Shard Management | Dynamic Sharding | splits and moves shards as their load changes | assigns shards to servers with a central placement service
consensus | Consensus | Replicated State Machines | orders writes with a Paxos-based replicated log | reconfigures its consensus groups without downtime
replication | Replication | Chain Replication | replicates every write to three zones before acknowledging it | keeps read replicas fresh with log shipping
geo-distribution | Geo-Distributed Storage | Multi-Region Replication | serves reads from the nearest region with bounded staleness | places data close to its users across continents
key-value-store | Key-Value Storage | Distributed Key-Value Stores | stores small objects in a log-structured key-value engine | serves point lookups from an in-memory hash index
databases | Cloud-Native Databases | Distributed Databases | separates compute from storage so each scales on its own | pushes query predicates down to the storage layer
transactions | Distributed Transactions | Transaction Processing | commits cross-shard transactions with synchronized clocks | runs serializable transactions with optimistic concurrency control
block-storage | Block Storage | Elastic Block Storage | serves virtual disks from a replicated block store | offloads the block storage data path to dedicated hardware
object-storage | Object Storage | Blob Storage | stores exabytes of blobs with erasure coding | keeps object metadata in a sharded database
ssd | Flash Storage | SSD Caching | writes to flash in large sequential segments | limits SSD wear with a small write-back buffer
caching | Distributed Caching | Cache Eviction | keeps hot items in a small DRAM tier in front of flash | learns an eviction policy from access traces
compression | Data Compression | Columnar Compression | compresses cold data with dictionary encoding | picks a compression codec per column from samples
analytics | Data Analytics | Interactive Analytics | answers ad-hoc queries over columnar data in seconds | maintains materialized views as updates stream in
rdma | RDMA Networking | Remote Memory Access | moves the storage data path onto RDMA | bypasses the kernel with one-sided RDMA reads
sdn | Software-Defined Networking | SDN Control | programs switches from a central SDN controller | separates the control plane from the forwarding hardware
p4 | P4 Programmable Switches | Programmable Data Planes | compiles network functions to P4 switch pipelines | checks P4 programs before they reach the hardware
smartnic | SmartNIC Offload | Programmable NICs | offloads virtual switching to SmartNICs | runs packet processing on FPGA-based NICs
load-balancing | Load Balancing | Layer-4 Load Balancing | spreads connections with consistent hashing | balances load across backends from live latency
congestion-control | Congestion Control | Delay-Based Congestion Control | paces senders from precise delay measurements | keeps switch queues short with rate-based congestion control
wan | Wide-Area Networking | WAN Traffic Engineering | routes inter-region traffic with centralized traffic engineering | reserves backbone bandwidth for critical flows
datacenter-network | Datacenter Fabrics | Datacenter Network Design | rebuilds the datacenter fabric around optical circuit switches | spreads traffic over a multi-tier Clos topology
network-verification | Network Verification | Configuration Verification | verifies forwarding tables against intent before changes land | checks every network change in an emulated copy of the network
telemetry | Network Telemetry | Fleet Monitoring | collects fine-grained counters from every switch | aggregates telemetry streams at line rate
tracing | Distributed Tracing | Request Tracing | samples request traces across thousands of services | stitches traces together from low-overhead logs
video | Video Streaming | Live Video Delivery | adapts video bitrate to measured throughput | transcodes live streams close to their viewers
cdn | Content Delivery | Edge Caching | caches content at the edge close to users | routes clients to the best edge site
serverless | Serverless Computing | Function-as-a-Service | starts functions from warm snapshots in milliseconds | bills and isolates each function invocation separately
microservices | Microservice Management | Service Dependency Analysis | maps the call graph between microservices | isolates failing microservices before they cascade
rpc | Remote Procedure Calls | RPC Frameworks | shortens the RPC path with kernel-bypass transport | routes RPCs through a sidecar-free service mesh
gpu | GPU Sharing | GPU Cluster Management | shares GPUs between jobs with fine-grained time slicing | schedules GPU jobs by their topology needs
llm | Large Language Models | LLM Infrastructure | serves large language models with paged key-value caches | trains large language models on tens of thousands of GPUs
training | Distributed Training | Model Training | overlaps communication and computation during training | shards model state across data-parallel workers
inference | Model Inference | Inference Serving | batches inference requests dynamically | keeps inference latency low with model-aware routing
recommendation | Recommendation Models | Embedding Tables | shards huge embedding tables across hosts | caches hot embeddings in GPU memory
checkpointing | Checkpointing | Fast Checkpoint Recovery | writes incremental checkpoints without pausing training | restores failed jobs from in-memory checkpoints
ml-for-systems | Learned Systems | ML for Systems | replaces hand-tuned heuristics with learned models | predicts resource needs with models trained on history
failure-localization | Failure Localization | Fault Localization | localizes failing links from end-to-end probes | pinpoints faulty components within minutes
root-cause-analysis | Root Cause Analysis | Incident Diagnosis | ranks likely root causes from correlated alerts | explains incidents from logs and metrics automatically
fault-tolerance | Fault Tolerance | Resilient Services | survives zone failures without losing requests | retries safely across replicas during failures
testing | Production Testing | Chaos Testing | injects faults into production under guardrails | replays production traffic against new releases
configuration | Configuration Management | Safe Configuration Changes | rolls configuration changes out in stages | validates configuration changes before they deploy
kernel | Operating System Kernels | Kernel Bypass | moves the I/O path out of the kernel | patches the kernel live without reboots
memory | Memory Disaggregation | Tiered Memory | moves cold pages to a cheaper memory tier | pools memory across servers over CXL
power | Power Management | Power Oversubscription | caps power per rack while protecting critical jobs | oversubscribes datacenter power with safe throttling
hardware | Custom Hardware | Hardware Acceleration | runs its hot loop on a custom accelerator | codesigns hardware and software for the fleet
workload-analysis | Workload Analysis | Production Trace Studies | characterizes a month of production traces | studies how real workloads use the fleet
htap | Hybrid Transactional and Analytical Processing | Real-Time HTAP | serves analytical queries over fresh transactional data | keeps a columnar replica in step with the row store
query-optimization | Query Optimization | Learned Cardinality Estimation | picks query plans with learned cost models | prunes partitions before a query reads them
stream-processing | Stream Processing | Incremental View Maintenance | processes event streams with exactly-once results | refreshes materialized views incrementally as data arrives
graph-processing | Graph Processing | Graph Databases | runs graph queries over billions of edges | partitions large graphs across machines
vector-search | Vector Search | Approximate Nearest-Neighbour Search | answers similarity queries over billions of vectors | clusters embeddings to cut search cost
logs | Log Analytics | Log Storage | indexes logs for fast keyword queries | compresses log streams as they are ingested
lsm-tree | LSM-Tree Storage Engines | Log-Structured Merge Trees | compacts sorted runs in the background | tunes LSM compaction to the workload
disaggregation | Resource Disaggregation | Disaggregated Memory and Storage | separates compute from memory over the network | pools accelerators behind a network fabric
erasure-coding | Erasure Coding | Wide Stripe Coding | stores data with wide erasure-coded stripes | repairs lost chunks from local parity
file-system | Distributed File Systems | File System Metadata | scales file system metadata across servers | serves file reads directly from storage nodes
mixture-of-experts | Mixture-of-Experts Models | Expert Parallelism | routes tokens to experts across GPUs | overlaps expert communication with computation
parallelism | Model Parallelism | Pipeline Parallelism | splits models across GPUs with pipeline stages | balances work across tensor and sequence parallel groups
collective-communication | Collective Communication | All-Reduce Acceleration | speeds up all-reduce across thousands of GPUs | schedules collectives around network contention
data-pipelines | Training Data Pipelines | ML Input Processing | preprocesses training data on separate workers | streams data from many sources into training jobs
on-device | On-Device Machine Learning | Device-Cloud Collaboration | runs models on phones with a small inference engine | splits work between devices and the cloud
conferencing | Video Conferencing | Real-Time Communication | routes conference media through nearby relays | adapts stream quality for each participant
cloud-gaming | Cloud Gaming | Interactive Game Streaming | streams games with very low frame delay | recovers lost packets before the frame deadline
traffic-engineering | Traffic Engineering | Backbone Routing | allocates backbone paths from demand forecasts | reroutes traffic ahead of predicted failures
virtual-networking | Virtual Networking | Cloud Gateways | forwards tenant traffic through programmable gateways | offloads the virtual switch to hardware
optical | Optical Circuit Switching | Optical Networking | reconfigures the fabric with optical circuit switches | monitors the optical layer for brief events
transport | Transport Protocols | Multipath Transport | sends data over several paths at once | retransmits quickly on lossy links
emulation | Network Emulation | Production Emulation | rehearses changes in an emulated copy of production | simulates large clusters before they are built
anomaly-detection | Anomaly Detection | Incident Detection | flags anomalies in telemetry within minutes | detects fail-slow components from peer comparisons
hardware-failures | Hardware Failures | Silent Data Corruption | studies failing disks and memory across the fleet | finds GPUs that corrupt results silently
security | Cloud Security | Threat Detection | detects compromised hosts from flow logs | segments tenant networks by role
overload-control | Overload Control | Admission Control | sheds low-priority load before latency suffers | admits requests against response-time objectives
cold-start | Cold Starts | Fast Startup | starts instances from prewarmed snapshots | loads model weights lazily to start sooner
change-management | Change Management | Safe Deployment | rolls changes out in stages with automatic checks | blocks risky changes before they land
multi-tenancy | Multi-Tenancy | Tenant Isolation | shares one cluster among thousands of tenants | isolates noisy tenants with quotas
wireless | Wireless Networks | Mobile Access | tunes Wi-Fi contention for real-time traffic | extends cellular access with low-cost hardware
qoe | Quality of Experience | Video QoE | tunes playback for each viewer's experience | optimizes bitrate ladders from playback feedback
auto-tuning | Automatic Tuning | Configuration Tuning | tunes service parameters safely after deployment | searches configurations with online experiments
memory-allocator | Memory Allocation | Allocator Design | returns memory to the OS with hugepage-aware allocation | places allocations by their expected lifetime
cxl | CXL Memory | Tiered Memory Pools | pools memory across hosts over CXL | places hot pages in local DRAM and cold ones in CXL memory
";

/// What the generator says about papers with one tag.
#[derive(Clone, Copy)]
struct TagText {
    phrases: [&'static str; 2],
    doings: [&'static str; 2],
}

/// The text for tag `id` (a generic one for a tag the table lacks).
fn tag_text(id: &str) -> TagText {
    TAG_TEXT
        .lines()
        .find_map(|line| match line.split(" | ").collect::<Vec<_>>()[..] {
            [tag, p1, p2, d1, d2] if tag == id => Some(TagText {
                phrases: [p1, p2],
                doings: [d1, d2],
            }),
            _ => None,
        })
        .unwrap_or(TagText {
            phrases: ["Infrastructure", "Production Systems"],
            doings: [
                "runs across the whole production fleet",
                "replaces an older in-house system",
            ],
        })
}

/// Two or three sentences of about 300 characters in the style of the real
/// summaries: what the system is, how it works, and what it bought.
fn summary(rng: &mut Rng, name: &str, company: &str, tags: &[usize], texts: &[TagText]) -> String {
    const KINDS: [&str; 6] = [
        "system",
        "service",
        "platform",
        "framework",
        "design",
        "engine",
    ];
    const WHYS: [&str; 6] = [
        "where earlier designs wasted capacity",
        "after the previous generation stopped keeping up with growth",
        "so that teams stop tuning it by hand",
        "for workloads whose load changes by the hour",
        "under strict latency targets",
        "at a fraction of the previous cost",
    ];
    const METRICS: [&str; 8] = [
        "tail latency",
        "cost",
        "resource usage",
        "recovery time",
        "incident count",
        "energy use",
        "job completion time",
        "operator effort",
    ];
    const WHERES: [&str; 5] = ["machines", "clusters", "datacenters", "services", "regions"];
    let first = texts[tags[0]];
    let subject = lowercase_words(rng.pick(&first.phrases));
    let mut text = format!(
        "{name} is {} {subject} {} {}.",
        possessive(company),
        rng.pick(&KINDS),
        rng.pick(&WHYS)
    );
    let also = texts[tags[1 % tags.len()]];
    let _ = write!(
        text,
        " It {} and {}",
        rng.pick(&first.doings),
        rng.pick(&also.doings)
    );
    let percent = 10 + rng.below(80);
    let scale = 10 + rng.below(990);
    let _ = write!(
        text,
        "; in production across {scale} {} it cuts {} by {percent}%",
        rng.pick(&WHERES),
        rng.pick(&METRICS)
    );
    if rng.chance(50) {
        let speedup = 2 + rng.below(9);
        let _ = write!(text, " and is {speedup}x faster than its predecessor");
    }
    text.push('.');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn real() -> Catalog {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/catalog.json");
        Catalog::from_json(&fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn generates_a_loadable_catalog_with_the_real_papers_first() {
        let real = real();
        let text = generate(&real, 1_000);
        let catalog = Catalog::from_json(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(catalog.papers.len(), 1_000);
        let n = real.papers.len();
        assert_eq!(catalog.papers[..n], real.papers[..]);
        assert_eq!(catalog.tags, real.tags);
        let ids: HashSet<&str> = catalog.papers.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids.len(), 1_000, "paper ids are unique");
        for paper in &catalog.papers[n..] {
            assert!(
                (2..=14).contains(&paper.authors.len()),
                "{:?}",
                paper.authors
            );
            assert!(paper.added.is_some());
            assert!((2020..=2026).contains(&paper.year), "{}", paper.year);
            assert!((2..=5).contains(&paper.tags.len()), "{:?}", paper.tags);
            assert!((120..=600).contains(&paper.summary.chars().count()));
        }
    }

    #[test]
    fn is_deterministic_and_shorter_catalogs_are_real_papers() {
        let real = real();
        assert_eq!(generate(&real, 300), generate(&real, 300));
        let small = Catalog::from_json(&generate(&real, 10)).unwrap();
        assert_eq!(small.papers[..], real.papers[..10]);
    }

    #[test]
    fn every_tag_has_its_own_text() {
        for tag in &real().tags {
            let text = tag_text(&tag.id);
            assert_ne!(
                text.phrases[0], "Infrastructure",
                "tag {} has no text",
                tag.id
            );
        }
    }

    #[test]
    fn running_text_keeps_acronyms() {
        assert_eq!(lowercase_words("SmartNIC Offload"), "SmartNIC offload");
        assert_eq!(
            lowercase_words("Function-as-a-Service"),
            "function-as-a-service"
        );
        assert_eq!(possessive("Databricks"), "Databricks'");
        assert_eq!(possessive("Google"), "Google's");
    }

    #[test]
    fn quotes_json_strings() {
        assert_eq!(quote("a\"b\\c\n\u{1}é"), "\"a\\\"b\\\\c\\n\\u0001é\"");
    }
}
