// The benchmark's baseline: what a straightforward JavaScript page does with
// the same catalog. MiniSearch indexes title, summary, tags, author names,
// company names, venue name and category name (the fields of the search rule, SPEC.md §3,
// so that both pages find the same papers and do the same work); each
// `input` event runs a prefix + AND search, renders the first 50 cards and
// recomputes the company, tag and year counts of all matches. Performance
// marks name the load stages for the report.

import MiniSearch from './minisearch.js';

const PAGE = 50;
const $ = (id) => document.getElementById(id);

performance.mark('bench:script-start');
const response = await fetch('catalog.json');
const text = await response.text();
performance.mark('bench:catalog-fetched');
const catalog = JSON.parse(text);
performance.mark('bench:catalog-parsed');

const nameOf = (list) => new Map(list.map((item) => [item.id, item.name]));
const companyNames = nameOf(catalog.companies);
const venueNames = nameOf(catalog.venues);
const categoryNames = nameOf(catalog.categories);
const papers = catalog.papers;

const search = new MiniSearch({
  fields: ['title', 'summary', 'tags', 'authors', 'companies', 'venue', 'category'],
  searchOptions: { prefix: true, combineWith: 'AND' },
});
search.addAll(
  papers.map((paper, id) => ({
    id,
    title: paper.title,
    summary: paper.summary,
    tags: paper.tags.join(' '),
    authors: (paper.authors ?? []).join(' '),
    companies: paper.companies.map((c) => companyNames.get(c)).join(' '),
    venue: venueNames.get(paper.venue),
    category: categoryNames.get(paper.category),
  })),
);
performance.mark('bench:index-built');

// Without a query: every paper, newest first.
const newestFirst = papers
  .map((_, i) => i)
  .sort((a, b) => papers[b].year - papers[a].year || papers[a].title.localeCompare(papers[b].title));

// The count lists are built once; a keystroke only rewrites their numbers.
function countList(element, entries) {
  const cells = new Map();
  for (const [id, label] of entries) {
    const item = document.createElement('li');
    const name = document.createElement('span');
    name.textContent = label;
    const number = document.createElement('span');
    item.append(name, number);
    element.append(item);
    cells.set(id, number);
  }
  return cells;
}
const years = [...new Set(papers.map((p) => p.year))].sort();
const companyCells = countList($('companies'), catalog.companies.map((c) => [c.id, c.name]));
const yearCells = countList($('years'), years.map((y) => [y, String(y)]));
const tagIds = catalog.tags ? catalog.tags.map((t) => t.id) : [...new Set(papers.flatMap((p) => p.tags))];
const tagCells = countList($('tags'), tagIds.map((t) => [t, `#${t}`]));

function card(paper) {
  const article = document.createElement('article');
  article.className = 'card';
  article.dataset.testid = 'paper-card';
  article.dataset.paperId = paper.id;
  const title = document.createElement('h3');
  const link = document.createElement('a');
  link.href = `paper/${paper.id}`;
  link.textContent = paper.title;
  title.append(link);
  const authors = document.createElement('p');
  const names = paper.authors ?? [];
  authors.textContent = names.slice(0, 3).join(', ') + (names.length > 3 ? ' et al.' : '');
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = `${venueNames.get(paper.venue)} ${paper.year} · ${paper.companies
    .map((c) => companyNames.get(c))
    .join(', ')}`;
  const summary = document.createElement('p');
  summary.textContent = paper.summary;
  const tags = document.createElement('ul');
  tags.className = 'tags';
  for (const tag of paper.tags) {
    const item = document.createElement('li');
    item.textContent = `#${tag}`;
    tags.append(item);
  }
  article.append(title, authors, meta, summary, tags);
  const item = document.createElement('li');
  item.append(article);
  return item;
}

function render(query) {
  const ids = query.trim() ? search.search(query).map((hit) => hit.id) : newestFirst;
  const companies = new Map();
  const tags = new Map();
  const byYear = new Map();
  const bump = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const id of ids) {
    const paper = papers[id];
    for (const c of paper.companies) bump(companies, c);
    for (const t of paper.tags) bump(tags, t);
    bump(byYear, paper.year);
  }
  const count = $('count');
  count.textContent = `${ids.length} ${ids.length === 1 ? 'paper' : 'papers'}`;
  count.hidden = false;
  $('list').replaceChildren(...ids.slice(0, PAGE).map((id) => card(papers[id])));
  for (const [id, cell] of companyCells) cell.textContent = companies.get(id) ?? 0;
  for (const [id, cell] of tagCells) cell.textContent = tags.get(id) ?? 0;
  for (const [id, cell] of yearCells) cell.textContent = byYear.get(id) ?? 0;
}

const input = $('search');
input.addEventListener('input', () => render(input.value));
render(input.value);
performance.mark('bench:first-render');
