import { headingName, type CatalogueFacets, type CatalogueHit, type CatalogueSearchResult, type FacetValue } from '../../catalogue/index.js';
import { M } from '../messages.js';
import { MAX_PAGE, PAGE_SIZE, SORTS, searchPairs, searchUrl, toggled, type SearchPageState } from '../search-params.js';
import { AgeBadge, Layout, SearchBox, type PageContext } from './Layout.js';

export function SearchPage({ context, state, result }: { context: PageContext; state: SearchPageState; result: CatalogueSearchResult }) {
  const pageCount = Math.min(MAX_PAGE, Math.ceil(result.total / PAGE_SIZE));
  return (
    <Layout context={context} title={M.resultsTitle(state.q)}>
      <SearchBox q={state.q} />
      <p><a href="/search/advanced">{M.advanced}</a></p>
      <h1>{M.resultsTitle(state.q)}</h1>
      {result.corrected && (
        <p className="note">
          {M.corrected} «<strong>{result.corrected.text}</strong>». <a href={searchUrl(state, { exact: true })}>{M.searchExactly}: «{state.q}»</a>
        </p>
      )}
      <div className="layout">
        <div>
          <div className="toolbar">
            <p role="status">{M.found(result.total)}</p>
            {result.total > 1 && <SortForm state={state} />}
          </div>
          {result.hits.length === 0
            ? <p>{M.nothingFound}</p>
            : <ol className="hits" start={(state.page - 1) * PAGE_SIZE + 1}>{result.hits.map((hit) => <Hit key={hit.id} hit={hit} />)}</ol>}
          {pageCount > 1 && <Pages state={state} pageCount={pageCount} />}
        </div>
        {result.facets && <Facets state={state} facets={result.facets} />}
      </div>
    </Layout>
  );
}

function Hit({ hit }: { hit: CatalogueHit }) {
  const facts = [
    // Up to three authors by name, four and more as the first «и др.» (as ГОСТ Р 7.0.100 heads a description).
    hit.authors.length >= 4 ? `${headingName(hit.authors[0]!)} и др.` : hit.authors.map(headingName).join('; '),
    [hit.place, hit.publisher].filter(Boolean).join(' : '),
    hit.year === null ? '' : String(hit.year),
  ].filter(Boolean).join(', ');
  return (
    <li>
      <h2><a href={`/records/${hit.id}`}>{hit.title}</a>{hit.subtitle && ` : ${hit.subtitle}`}<AgeBadge age={hit.ageRating} /></h2>
      {facts && <p>{facts}</p>}
      {hit.series.length > 0 && <p className="muted">({hit.series.join('). (')})</p>}
    </li>
  );
}

/** Sort as a GET form carrying the rest of the state in hidden fields: works without JavaScript. */
function SortForm({ state }: { state: SearchPageState }) {
  const hidden = searchPairs({ ...state, sort: 'relevance', page: 1 });
  return (
    <form method="get" action="/search">
      {hidden.map(([name, value], index) => <input key={`${name}-${index}`} type="hidden" name={name} value={value} />)}
      <label htmlFor="sort">{M.sort}</label>
      <select id="sort" name="sort" defaultValue={state.sort}>
        {SORTS.map((sort) => <option key={sort} value={sort}>{M.sorts[sort]}</option>)}
      </select>
      <button type="submit">{M.apply}</button>
    </form>
  );
}

function Pages({ state, pageCount }: { state: SearchPageState; pageCount: number }) {
  const from = Math.max(1, state.page - 3);
  const to = Math.min(pageCount, state.page + 3);
  const numbers = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return (
    <nav className="pages" aria-label={M.pages}>
      <ul>
        {state.page > 1 && <li><a href={searchUrl(state, { page: state.page - 1 })} rel="prev">{M.previous}</a></li>}
        {numbers.map((page) => (
          <li key={page}>
            {page === state.page
              ? <span aria-current="page">{page}</span>
              : <a href={searchUrl(state, { page })} aria-label={M.page(page)}>{page}</a>}
          </li>
        ))}
        {state.page < pageCount && <li><a href={searchUrl(state, { page: state.page + 1 })} rel="next">{M.next}</a></li>}
      </ul>
    </nav>
  );
}

function Facets({ state, facets }: { state: SearchPageState; facets: CatalogueFacets }) {
  const hasFilters = state.types.length + state.languages.length + state.bbk.length + state.ages.length > 0
    || state.yearFrom !== undefined || state.yearTo !== undefined;
  const listFacet = (title: string, values: FacetValue[], selected: string[], change: (next: string[]) => Partial<SearchPageState>) => (
    <FacetList title={title} values={values} isOn={(value) => selected.includes(value)}
      link={(value) => searchUrl(state, change(toggled(selected, value)))} />
  );
  const decade = (value: string) => ({ yearFrom: Number(value), yearTo: Number(value) + 9 });
  const isDecadeOn = (value: string) => state.yearFrom === decade(value).yearFrom && state.yearTo === decade(value).yearTo;
  return (
    <aside className="facets" aria-labelledby="refine">
      <h2 id="refine">{M.refine}</h2>
      {hasFilters && <p><a href={searchUrl({ ...state, types: [], languages: [], bbk: [], ages: [], yearFrom: undefined, yearTo: undefined })}>{M.resetFilters}</a></p>}
      <AvailableCopyFacet />
      {listFacet(M.facetTypes, facets.documentTypes, state.types, (types) => ({ types }))}
      {listFacet(M.facetLanguages, facets.languages, state.languages, (languages) => ({ languages }))}
      {listFacet(M.facetBbk, facets.bbkDivisions, state.bbk, (bbk) => ({ bbk }))}
      {listFacet(M.facetAges, facets.ageRatings, state.ages, (ages) => ({ ages: ages as SearchPageState['ages'] }))}
      {/* A range of the advanced form or a link (not a decade of the list): the first, chosen value of the years' list,
          removable like any other chosen value. */}
      <FacetList title={M.facetYears} values={facets.years} isOn={isDecadeOn}
        link={(value) => searchUrl(state, isDecadeOn(value) ? { yearFrom: undefined, yearTo: undefined } : decade(value))}
        chosenRange={(state.yearFrom !== undefined || state.yearTo !== undefined) && !facets.years.some((facet) => isDecadeOn(facet.value))
          ? { label: M.yearRange(state.yearFrom, state.yearTo), removeLink: searchUrl(state, { yearFrom: undefined, yearTo: undefined }) }
          : undefined} />
    </aside>
  );
}

/**
 * PLACE FOR HOLDINGS: the facet «есть свободный экземпляр в филиале» (branch with an available copy).
 * Holdings (items) come in a later issue; until then there is nothing to count and nothing is shown.
 */
function AvailableCopyFacet() {
  return null;
}

function FacetList({ title, values, isOn, link, chosenRange }: {
  title: string; values: FacetValue[]; isOn: (value: string) => boolean; link: (value: string) => string;
  /** A chosen value that is none of `values` (a year range typed in the advanced form): listed first. */
  chosenRange?: { label: string; removeLink: string };
}) {
  if (values.length === 0 && !chosenRange) return null;
  return (
    <section>
      <h3>{title}</h3>
      <ul>
        {chosenRange && (
          <li><span className="on">{chosenRange.label} <a href={chosenRange.removeLink}>[{M.removeFilter}<span className="skip"> {chosenRange.label}</span>]</a></span></li>
        )}
        {values.map((facet) => (
          <li key={facet.value}>
            {isOn(facet.value)
              ? <span className="on">{facet.label} <span className="count">({facet.count})</span> <a href={link(facet.value)}>[{M.removeFilter}<span className="skip"> {facet.label}</span>]</a></span>
              : <a href={link(facet.value)}>{facet.label}</a>}
            {!isOn(facet.value) && <> <span className="count">({facet.count})</span></>}
          </li>
        ))}
      </ul>
    </section>
  );
}
