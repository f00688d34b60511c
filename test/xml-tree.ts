import { SaxesParser } from 'saxes';

/** A parsed XML element (test helper): namespace URI, local name, attributes, children, text. */
export interface XmlElement {
  uri: string;
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses a whole document with namespaces; throws on anything not well-formed. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) {
      if (typeof attribute !== 'string' && attribute.prefix !== 'xmlns' && attribute.name !== 'xmlns') attributes[attribute.local] = attribute.value;
    }
    const element: XmlElement = { uri: tag.uri ?? '', name: tag.local ?? tag.name, attributes, children: [], text: '' };
    stack.at(-1)?.children.push(element);
    stack.push(element);
    root ??= element;
  });
  parser.on('text', (text) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  });
  parser.on('closetag', () => stack.pop());
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

/** Descendants (depth first) with the local name, optionally in the namespace. */
export function findAll(element: XmlElement, name: string, uri?: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement) => {
    for (const child of node.children) {
      if (child.name === name && (uri === undefined || child.uri === uri)) found.push(child);
      visit(child);
    }
  };
  visit(element);
  return found;
}

/** The first descendant's trimmed text, or undefined. */
export function textOf(element: XmlElement, name: string, uri?: string): string | undefined {
  return findAll(element, name, uri)[0]?.text.trim();
}
