import compress from '@fastify/compress';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { resolvePublicNetwork } from '../network/index.js';
import { diagnostic, type SruDiagnostic } from './diagnostics.js';
import { searchRetrieve } from './search-retrieve.js';
import { firstValues, readSruRequest } from './sru-request.js';
import { readSoapRequest, SOAP_MEDIA_TYPES, soapEnvelope } from './sru-soap.js';
import { explainResponseXml, searchRetrieveResponseXml, type ExplainContext } from './sru-xml.js';

export interface SruRoutesOptions {
  db: Kysely<DB>;
  /** Code of the network whose catalogue is served (the public site's network); default the first. */
  publicNetwork?: string | undefined;
}

const XML = 'text/xml; charset=utf-8';

/**
 * SRU 1.2 at `/sru` (GET; POST with an application/x-www-form-urlencoded body; POST of a SOAP envelope, SRW — what
 * yaz-client sends unless told `sru get`): explain and
 * searchRetrieve over the public network's catalogue. Open to anyone, like the public catalogue.
 * Every answer is SRU XML: errors the client can act on are diagnostics in a 200 response, as SRU asks.
 */
export const sruRoutes: FastifyPluginAsync<SruRoutesOptions> = async (app, { db, publicNetwork }) => {
  // MARCXML is verbose (~3 KB a record) and compresses about tenfold: for a client that asks for it (Accept-Encoding).
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });
  // Form bodies only here (the plugin's own scope): the API elsewhere takes JSON only.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, new URLSearchParams(body as string));
  });
  app.addContentTypeParser(SOAP_MEDIA_TYPES, { parseAs: 'string' }, (_request, body, done) => {
    done(null, { soap: body as string });
  });

  const answer = async (request: FastifyRequest, reply: FastifyReply, parameters: URLSearchParams) => {
    const values = firstValues(parameters);
    const sru = readSruRequest(values);
    const host = hostOf(request);
    const baseUrl = `${request.protocol}://${request.headers.host ?? `${host.host}:${host.port}`}/sru`;
    reply.type(XML);

    /** A failure of the server itself, still as SRU: the client shows diagnostics, not problem+json. */
    const unavailable = (status: number, failure: SruDiagnostic) => {
      reply.code(status);
      if (sru.operation === 'explain') {
        const context = { ...host, database: 'sru', title: 'Электронный каталог', description: failure.message };
        return explainResponseXml({ version: sru.version, context, parameters: values, baseUrl, diagnostics: [failure] });
      }
      return searchRetrieveResponseXml({ version: sru.version, numberOfRecords: 0, records: [], packing: sru.packing, parameters: values, baseUrl, diagnostics: [failure] });
    };

    try {
      const network = await resolvePublicNetwork(db, publicNetwork);
      if (!network) return unavailable(503, diagnostic(2, undefined, 'Каталог ещё не создан или не настроен (publicNetwork)'));
      if (sru.operation === 'explain') {
        const context: ExplainContext = {
          ...host, database: 'sru',
          title: `Электронный каталог: ${network.name}`,
          description: `Каталог библиотек сети «${network.name}»: записи MARC21 и RUSMARC в MARCXML, запросы на CQL`,
        };
        return explainResponseXml({ version: sru.version, context, parameters: values, baseUrl, diagnostics: sru.diagnostics });
      }
      const base = { version: sru.version, packing: sru.packing, parameters: values, baseUrl };
      if (sru.diagnostics.length > 0) return searchRetrieveResponseXml({ ...base, numberOfRecords: 0, records: [], diagnostics: sru.diagnostics });
      const result = await searchRetrieve({ db, networkId: network.id, input: sru });
      return searchRetrieveResponseXml({ ...base, ...result });
    } catch (error) {
      request.log.error(error);
      return unavailable(500, diagnostic(1));
    }
  };

  app.get('/sru', { schema: { hide: true } }, (request, reply) =>
    answer(request, reply, new URL(request.raw.url ?? '/', 'http://localhost').searchParams));
  app.post('/sru', { schema: { hide: true } }, async (request, reply) => {
    if (request.body instanceof URLSearchParams) return answer(request, reply, request.body);
    const soap = (request.body as { soap?: string } | undefined)?.soap;
    if (soap === undefined) return answer(request, reply, new URLSearchParams());
    // A body that is no SRW request: SRU's diagnostic for an unsupported operation, still inside an envelope.
    const parameters = readSoapRequest(soap) ?? new URLSearchParams({ operation: 'unknown' });
    return soapEnvelope(await answer(request, reply, parameters));
  });
};

/** The host and port the client addressed (for explain's serverInfo). */
function hostOf(request: FastifyRequest): { host: string; port: number } {
  try {
    const url = new URL(`${request.protocol}://${request.headers.host ?? 'localhost'}`);
    const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
    return { host: url.hostname, port };
  } catch {
    return { host: 'localhost', port: 80 };
  }
}
