import { SaxesParser } from 'saxes';

/**
 * SRU 1.2's SOAP binding (SRW): a request is a SOAP envelope whose body holds `searchRetrieveRequest` or
 * `explainRequest`, its parameters as child elements; the answer is the same SRU response inside an envelope.
 * yaz-client speaks SOAP unless told `sru get` — so does much of the software that calls itself an SRW client.
 */

const SOAP_ENVELOPE_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';

/** Content types a SOAP request comes with (SOAP 1.1 text/xml, SOAP 1.2 application/soap+xml). */
export const SOAP_MEDIA_TYPES = ['text/xml', 'application/xml', 'application/soap+xml'];

const OPERATIONS: Record<string, string> = { searchRetrieveRequest: 'searchRetrieve', explainRequest: 'explain' };

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * The request's parameters, as a GET query would give them: `operation` from the body's element, then each
 * parameter element's text (`query`, `startRecord`…). Not a SOAP request at all (malformed XML, no envelope,
 * another operation): undefined, and the caller answers with a diagnostic.
 */
export function readSoapRequest(xml: string): URLSearchParams | undefined {
  const parser = new SaxesParser({ xmlns: false });
  const parameters = new URLSearchParams();
  const path: string[] = [];
  let text = '';
  let valid = true;
  parser.on('error', () => {
    valid = false;
  });
  parser.on('opentag', (tag) => {
    path.push(localName(tag.name));
    text = '';
    // Envelope › Body › the operation's request › its parameters.
    if (path.length === 3) {
      const operation = OPERATIONS[path[2]!];
      if (path[0] === 'Envelope' && path[1] === 'Body' && operation) parameters.set('operation', operation);
      else valid = false;
    }
  });
  parser.on('text', (chunk) => {
    text += chunk;
  });
  parser.on('closetag', () => {
    // A parameter with element content (an extension's structure) is not a parameter we know: its name still counts.
    if (path.length === 4 && !parameters.has(path[3]!)) parameters.set(path[3]!, text.trim());
    path.pop();
  });
  try {
    parser.write(xml).close();
  } catch {
    return undefined;
  }
  return valid && parameters.has('operation') ? parameters : undefined;
}

/** The SRU response inside a SOAP envelope (its XML declaration moved to the front). */
export function soapEnvelope(responseXml: string): string {
  const body = responseXml.replace(/^<\?xml[^>]*\?>\s*/, '');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<SOAP-ENV:Envelope xmlns:SOAP-ENV="${SOAP_ENVELOPE_NAMESPACE}"><SOAP-ENV:Body>${body}</SOAP-ENV:Body></SOAP-ENV:Envelope>\n`;
}
