import type { FacetValue } from '../../catalogue/index.js';
import { M } from '../messages.js';
import { Layout, type PageContext } from './Layout.js';

/**
 * The advanced form: a GET form to /search whose fields fold into the same box query (автор:, заглавие:, …)
 * and filters; the server answers it with a redirect to the canonical, bookmarkable URL.
 * The type and language choices are what the catalogue holds (its facets), with their counts.
 */
export function AdvancedSearchPage({ context, types, languages }: { context: PageContext; types: FacetValue[]; languages: FacetValue[] }) {
  const text = (name: keyof typeof M.fields, hint?: string) => (
    <>
      <label htmlFor={`adv-${name}`}>{M.fields[name]}</label>
      <input id={`adv-${name}`} name={name} type="text" {...(hint ? { placeholder: hint } : {})} />
    </>
  );
  const choice = (name: 'type' | 'language', values: FacetValue[]) => (
    <>
      <label htmlFor={`adv-${name}`}>{M.fields[name]}</label>
      <select id={`adv-${name}`} name={name} defaultValue="">
        <option value="">{M.any}</option>
        {values.map((facet) => <option key={facet.value} value={facet.value}>{`${facet.label} (${facet.count})`}</option>)}
      </select>
    </>
  );
  return (
    <Layout context={context} title={M.advancedTitle}>
      <h1>{M.advancedTitle}</h1>
      <p>{M.advancedIntro}</p>
      <form method="get" action="/search" className="advanced">
        {text('q')}
        {text('author', 'Пушкин')}
        {text('title', 'Капитанская дочка')}
        {text('subject', 'сказки')}
        {text('isbn')}
        {text('bbkIndex', '84(2=411.2)1')}
        <span id="adv-years">{M.fields.years}</span>
        <span className="years" role="group" aria-labelledby="adv-years">
          <label htmlFor="adv-yearFrom">{M.fields.yearFrom}</label>
          <input id="adv-yearFrom" name="yearFrom" type="text" inputMode="numeric" pattern="[0-9]{4}" maxLength={4} />
          <label htmlFor="adv-yearTo">{M.fields.yearTo}</label>
          <input id="adv-yearTo" name="yearTo" type="text" inputMode="numeric" pattern="[0-9]{4}" maxLength={4} />
        </span>
        {choice('type', types)}
        {choice('language', languages)}
        <span />
        <p><button type="submit">{M.find}</button></p>
      </form>
    </Layout>
  );
}
