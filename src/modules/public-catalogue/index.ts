/**
 * The public catalogue (issue 4, item 6): server-rendered pages at `/`, `/search`, `/records/:id` for
 * anyone, without JavaScript, with the version for the visually impaired (ГОСТ Р 52872-2019).
 * `publicCatalogueRoutes`: register at the root with `{ db, publicNetwork }`.
 * `publicNotFoundPage(options)` + `wantsHtmlPage(request)`: the HTML 404 for browsers, for the app's not-found handler.
 */
export { publicCatalogueRoutes, publicNotFoundPage, wantsHtmlPage, type PublicCatalogueOptions } from './public-catalogue.routes.js';
