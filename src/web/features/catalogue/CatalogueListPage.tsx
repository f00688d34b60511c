import { useEffect, useId, useState } from 'react';
import { Link } from 'wouter';
import { ButtonLink } from '../../components/ButtonLink.js';
import { SearchFilter, SelectFilter } from '../../components/filters.js';
import { Pager } from '../../components/Pager.js';
import { ErrorBox, Loading } from '../../components/Status.js';
import type { CatalogueHit, CatalogueSearchQuery, CatalogueSearchResult } from '../../lib/contract.js';
import { catalogueImportTexts, t } from '../../lib/messages.js';
import { canCatalogue, canCompileNetworkRecords } from '../../lib/permissions.js';
import { useMe } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { pageOf, useUrlQuery } from '../../lib/url-query.js';
import { ExportLinks } from './ExportLinks.js';
import './catalogue.css';

const PAGE_SIZE = 20;
const KEYS = ['q', 'sort', 'type', 'language', 'bbk', 'age', 'decade', 'yearFrom', 'yearTo', 'page'] as const;
type FacetKey = 'documentTypes' | 'languages' | 'bbkDivisions' | 'ageRatings' | 'years';
/** Which URL key each facet writes (one value per facet: a click narrows, a second click widens again). */
const FACET_PARAM: Record<FacetKey, (typeof KEYS)[number]> = {
  documentTypes: 'type', languages: 'language', bbkDivisions: 'bbk', ageRatings: 'age', years: 'decade',
};
const SORTS = ['relevance', 'title', 'year-desc', 'year-asc'] as const;

const numberOf = (value: string) => (value && Number.isInteger(Number(value)) ? Number(value) : undefined);

/** «Пушкин, А. С. Капитанская дочка : повесть. — Москва : Дет. лит., 2019» in one line, for the list. */
function HitLine({ hit }: { hit: CatalogueHit }) {
  const c = t.catalogue;
  const imprint = [hit.place, hit.publisher].filter(Boolean).join(' : ');
  const meta = [hit.authors.join(', '), [imprint, hit.year ?? ''].filter(Boolean).join(', '), hit.isbns[0] ? `ISBN ${hit.isbns[0]}` : '']
    .filter(Boolean).join(' · ');
  return (
    <li className="catalogue-hit">
      <Link href={`/catalogue/${hit.id}`} className="catalogue-hit-title">
        {hit.title || c.noTitle}{hit.subtitle ? ` : ${hit.subtitle}` : ''}
      </Link>
      {hit.ageRating && <span className="catalogue-hit-badges"><span className="badge-age">{hit.ageRating}</span></span>}
      <div className="catalogue-hit-meta">{meta}</div>
    </li>
  );
}

function YearRange({ from, to, onApply }: { from: string; to: string; onApply(from: string, to: string): void }) {
  const id = useId();
  const [a, setA] = useState(from);
  const [b, setB] = useState(to);
  useEffect(() => { setA(from); setB(to); }, [from, to]);
  const c = t.catalogue;
  return (
    <form className="catalogue-years" onSubmit={(event) => { event.preventDefault(); onApply(a.trim(), b.trim()); }}>
      <span className="filter">
        <label htmlFor={`${id}-from`}>{c.yearFrom}</label>
        <input id={`${id}-from`} inputMode="numeric" value={a} onChange={(event) => setA(event.target.value)} />
      </span>
      <span className="filter">
        <label htmlFor={`${id}-to`}>{c.yearTo}</label>
        <input id={`${id}-to`} inputMode="numeric" value={b} onChange={(event) => setB(event.target.value)} />
      </span>
      <button type="submit">{c.apply}</button>
    </form>
  );
}

function Facets({ result, filters, set }: {
  result: CatalogueSearchResult; filters: Record<(typeof KEYS)[number], string>; set(patch: Partial<Record<(typeof KEYS)[number], string>>): void;
}) {
  const c = t.catalogue;
  const facets = result.facets;
  return (
    <aside className="catalogue-facets" aria-label={c.facets}>
      <h2>{c.facets}</h2>
      {facets && (Object.keys(FACET_PARAM) as FacetKey[]).map((key) => {
        const param = FACET_PARAM[key];
        const values = facets[key];
        if (values.length === 0 && !filters[param]) return null;
        return (
          <section key={key}>
            <h3>{c.facetTitles[key]}</h3>
            <ul>
              {values.slice(0, 12).map((value) => {
                const chosen = filters[param] === value.value;
                return (
                  <li key={value.value}>
                    <button
                      type="button"
                      className="facet"
                      aria-pressed={chosen}
                      title={chosen ? c.removeFilter(value.label) : undefined}
                      onClick={() => set({ [param]: chosen ? '' : value.value })}
                    >
                      {value.label}
                    </button>
                    <span className="facet-count">{value.count}</span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      <h3>{c.facetTitles.years}</h3>
      <YearRange from={filters.yearFrom} to={filters.yearTo} onApply={(yearFrom, yearTo) => set({ yearFrom, yearTo, decade: '' })} />
    </aside>
  );
}

export function CatalogueListPage() {
  const me = useMe();
  const [filters, setFilters] = useUrlQuery(KEYS);
  const c = t.catalogue;
  const decade = numberOf(filters.decade);
  const query: CatalogueSearchQuery = {
    q: filters.q || undefined,
    sort: (SORTS as readonly string[]).includes(filters.sort) ? filters.sort as CatalogueSearchQuery['sort'] : undefined,
    page: pageOf(filters.page), pageSize: PAGE_SIZE,
    yearFrom: decade ?? numberOf(filters.yearFrom), yearTo: decade !== undefined ? decade + 9 : numberOf(filters.yearTo),
    facets: true,
  };
  const { data, error, loading } = useApi<CatalogueSearchResult>('/catalogue/search', {
    ...query, type: filters.type || undefined, language: filters.language || undefined, bbk: filters.bbk || undefined, age: filters.age || undefined,
  } as Record<string, string | number | boolean | undefined>);

  return (
    <>
      <div className="page-title">
        <h1>{c.title}</h1>
        {canCatalogue(me) && <ButtonLink href="/catalogue/new" primary>{c.add}</ButtonLink>}
        {canCompileNetworkRecords(me) && <ButtonLink href="/catalogue/import">{catalogueImportTexts.link}</ButtonLink>}
      </div>
      <div className="catalogue-layout">
        <div className="catalogue-search-row">
          <SearchFilter label={c.search} placeholder={c.searchHint} value={filters.q} onApply={(q) => setFilters({ q })} />
          <SelectFilter
            label={c.sort}
            value={filters.sort || (filters.q ? 'relevance' : 'title')}
            options={SORTS.map((sort) => [sort, c.sorts[sort]] as const)}
            onChange={(sort) => setFilters({ sort })}
          />
        </div>
        {data && <Facets result={data} filters={filters} set={setFilters} />}
        <div>
          {error && <ErrorBox error={error} />}
          {!data && loading && <Loading />}
          {data && (
            <>
              {data.corrected && <p className="notice">{c.corrected(data.corrected.text)}</p>}
              <p className="muted" aria-live="polite">{data.total === 0 ? c.none : c.total(data.total)}</p>
              <ul className="catalogue-hits" aria-busy={loading || undefined}>
                {data.hits.map((hit) => <HitLine key={hit.id} hit={hit} />)}
              </ul>
              <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => setFilters({ page: String(page) })} />
              {data.total > 0 && (
                <div className="catalogue-export">
                  <ExportLinks params={{
                    q: filters.q, sort: filters.sort, type: filters.type, language: filters.language, bbk: filters.bbk, age: filters.age,
                    yearFrom: filters.yearFrom, yearTo: filters.yearTo, decade: filters.decade,
                  }} />
                </div>
              )}
            </>
          )}
        </div>
      </div>
    </>
  );
}
