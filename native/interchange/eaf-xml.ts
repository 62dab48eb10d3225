import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UserError } from '../contract/errors.js';

/** One parsed element: attributes under `@_NAME`, children by tag name (always arrays for EAF's repeating tags). */
export type XmlNode = Record<string, unknown>;

const REPEATED = new Set([
  'MEDIA_DESCRIPTOR',
  'LINKED_FILE_DESCRIPTOR',
  'PROPERTY',
  'TIME_SLOT',
  'TIER',
  'ANNOTATION',
  'LINGUISTIC_TYPE',
  'LOCALE',
  'LANGUAGE',
  'CONSTRAINT',
  'CONTROLLED_VOCABULARY',
  'CV_ENTRY',
  'CV_ENTRY_ML',
  'CVE_VALUE',
  'DESCRIPTION',
  'LEXICON_REF',
  'EXTERNAL_REF',
]);

/** Parses EAF text; XML that is not well formed is refused with its line and column. */
export function parseEafXml(text: string, where: string): XmlNode {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new UserError(
      'bad_input',
      `${where}:${valid.err.line}:${valid.err.col}: not well-formed XML: ${valid.err.msg}`,
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: true,
    isArray: (name) => REPEATED.has(name),
  });
  const root = (parser.parse(text) as XmlNode).ANNOTATION_DOCUMENT;
  if (root === undefined || typeof root !== 'object')
    throw new UserError('bad_input', `${where}: no ANNOTATION_DOCUMENT element: not an ELAN file`);
  return root as XmlNode;
}

export function attr(node: XmlNode, name: string): string | undefined {
  const v = node[`@_${name}`];
  return v === undefined ? undefined : String(v);
}

export function children(node: XmlNode, name: string): XmlNode[] {
  const v = node[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map((c) => (typeof c === 'object' && c ? c : { '#text': c }));
}

export function child(node: XmlNode, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/** An element's text: a plain string when it has no attributes, or its `#text`. */
export function textOf(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  const t = node['#text'];
  return t === undefined ? '' : String(t);
}
