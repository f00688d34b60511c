import { M } from '../messages.js';
import { Layout, SearchBox, type PageContext } from './Layout.js';

export function HomePage({ context, total }: { context: PageContext; total: number }) {
  return (
    <Layout context={context} title={M.catalogue}>
      <h1>{M.catalogue}</h1>
      <p>{M.intro(context.networkName)}</p>
      <SearchBox q="" />
      <p><a href="/search/advanced">{M.advanced}</a> · <a href="/search">{M.resultsTitle('')}</a> <span className="count">({total.toLocaleString('ru-RU')})</span></p>
      <p className="hint">{M.searchHints}</p>
    </Layout>
  );
}

export function NotFoundPage({ context, title = M.notFoundTitle }: { context: PageContext; title?: string }) {
  return (
    <Layout context={context} title={title}>
      <h1>{title}</h1>
      <p>{M.notFoundText}</p>
      <p><a href="/">{M.toHome}</a></p>
    </Layout>
  );
}
