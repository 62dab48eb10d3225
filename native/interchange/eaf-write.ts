import { XMLBuilder } from 'fast-xml-parser';
import type { AnnotationDocument, DocSegment, DocTier } from './annotation-document.js';
import { validateEaf } from './eaf-validate.js';

export interface EafOptions {
  author?: string;
  /** ISO date-time for the DATE attribute; now by default. */
  date?: string;
}

/** How a tier with a parent is written: 1-1 references, time-aligned within the parent, or on its own. */
type TierMode = 'association' | 'included' | 'root';

const CONSTRAINTS = [
  [
    'Time_Subdivision',
    "Time subdivision of parent annotation's time interval, no time gaps allowed within this interval",
  ],
  [
    'Symbolic_Subdivision',
    'Symbolic subdivision of a parent annotation. Annotations refering to the same parent are ordered',
  ],
  ['Symbolic_Association', '1-1 association with a parent annotation'],
  [
    'Included_In',
    "Time alignable annotations within the parent annotation's time interval, gaps are allowed",
  ],
] as const;

const key = (s: DocSegment) => `${Math.round(s.start * 1000)}|${Math.round(s.end * 1000)}`;

function tierMode(tier: DocTier, parent: DocTier | undefined): TierMode {
  if (!parent || parent.points) return 'root';
  const parentKeys = new Set(parent.segments.map(key));
  const keys = tier.segments.map(key);
  if (keys.every((k) => parentKeys.has(k)) && new Set(keys).size === keys.length)
    return 'association';
  const inside = tier.segments.every((s) =>
    parent.segments.some((p) => p.start <= s.start && s.end <= p.end),
  );
  return inside ? 'included' : 'root';
}

/**
 * Writes an EAF 3.0 document: one pair of time slots per alignable
 * annotation (sorted, so TIME_ORDER never goes back), tiers whose segments
 * sit exactly on their parent's as Symbolic_Association reference tiers, one
 * linguistic type per kind and shape. The output is checked against the
 * schema's rules before it is returned; a failure there is a bug.
 */
export function writeEaf(doc: AnnotationDocument, opts: EafOptions = {}): string {
  const tiers = new Map(doc.tiers.map((t) => [t.name, t]));
  const modes = new Map<string, TierMode>();
  // Parents first, so a reference tier under a reference tier sees its parent's mode.
  const visit = (t: DocTier): TierMode => {
    const known = modes.get(t.name);
    if (known) return known;
    const parent = t.parent !== null ? tiers.get(t.parent) : undefined;
    if (parent) visit(parent);
    const mode = tierMode(t, parent);
    modes.set(t.name, mode);
    return mode;
  };
  doc.tiers.forEach(visit);

  let annotationCount = 0;
  const ids = new Map<DocTier, string[]>();
  for (const t of doc.tiers)
    ids.set(
      t,
      t.segments.map(() => `a${++annotationCount}`),
    );

  interface Slot {
    ms: number;
    order: number;
    id?: string;
  }
  const slots: Slot[] = [];
  const slotPairs = new Map<string, [Slot, Slot]>();
  for (const t of doc.tiers) {
    if (modes.get(t.name) === 'association') continue;
    t.segments.forEach((s, i) => {
      const startMs = Math.round(s.start * 1000);
      // ELAN has no instants: a point becomes a one-millisecond annotation.
      const endMs = Math.max(Math.round(s.end * 1000), startMs + (t.points ? 1 : 0));
      const a = { ms: startMs, order: slots.length };
      const b = { ms: endMs, order: slots.length + 1 };
      slots.push(a, b);
      slotPairs.set(ids.get(t)![i], [a, b]);
    });
  }
  slots.sort((x, y) => x.ms - y.ms || x.order - y.order);
  slots.forEach((s, i) => (s.id = `ts${i + 1}`));

  const cvIds = new Set(doc.vocabularies.map((v) => v.id));
  const types = new Map<string, Record<string, string>>();
  const typeOf = (t: DocTier): string => {
    const mode = modes.get(t.name)!;
    const cv = t.vocabulary !== null && cvIds.has(t.vocabulary) ? t.vocabulary : null;
    const id = [t.kind, mode === 'root' ? null : mode, cv].filter(Boolean).join('-');
    if (!types.has(id)) {
      const lt: Record<string, string> = {};
      if (mode === 'association') lt['@CONSTRAINTS'] = 'Symbolic_Association';
      if (mode === 'included') lt['@CONSTRAINTS'] = 'Included_In';
      if (cv) lt['@CONTROLLED_VOCABULARY_REF'] = cv;
      lt['@GRAPHIC_REFERENCES'] = 'false';
      lt['@LINGUISTIC_TYPE_ID'] = id;
      lt['@TIME_ALIGNABLE'] = mode === 'association' ? 'false' : 'true';
      types.set(id, lt);
    }
    return id;
  };

  const tierNodes = doc.tiers.map((t) => {
    const mode = modes.get(t.name)!;
    const node: Record<string, unknown> = {};
    if (t.annotator) node['@ANNOTATOR'] = t.annotator;
    node['@LINGUISTIC_TYPE_REF'] = typeOf(t);
    if (mode !== 'root') node['@PARENT_REF'] = t.parent!;
    if (t.participant) node['@PARTICIPANT'] = t.participant;
    node['@TIER_ID'] = t.name;
    const parent = t.parent !== null ? tiers.get(t.parent) : undefined;
    const parentIds = new Map<string, string>();
    if (mode === 'association' && parent)
      parent.segments.forEach((p, i) => parentIds.set(key(p), ids.get(parent)![i]));
    node.ANNOTATION = t.segments.map((s, i) => {
      const id = ids.get(t)![i];
      if (mode === 'association')
        return {
          REF_ANNOTATION: {
            '@ANNOTATION_ID': id,
            '@ANNOTATION_REF': parentIds.get(key(s))!,
            ANNOTATION_VALUE: s.text,
          },
        };
      const [a, b] = slotPairs.get(id)!;
      return {
        ALIGNABLE_ANNOTATION: {
          '@ANNOTATION_ID': id,
          '@TIME_SLOT_REF1': a.id!,
          '@TIME_SLOT_REF2': b.id!,
          ANNOTATION_VALUE: s.text,
        },
      };
    });
    return node;
  });

  let cveCount = 0;
  const root: Record<string, unknown> = {
    '@AUTHOR': opts.author ?? '',
    '@DATE': opts.date ?? new Date().toISOString().replace(/\.\d+Z$/, '+00:00'),
    '@FORMAT': '3.0',
    '@VERSION': '3.0',
    '@xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    '@xsi:noNamespaceSchemaLocation': 'http://www.mpi.nl/tools/elan/EAFv3.0.xsd',
    HEADER: {
      '@MEDIA_FILE': '',
      '@TIME_UNITS': 'milliseconds',
      MEDIA_DESCRIPTOR: doc.media.map((m) => ({
        '@MEDIA_URL': m.url,
        ...(m.mimeType ? { '@MIME_TYPE': m.mimeType } : {}),
        ...(m.relativeUrl ? { '@RELATIVE_MEDIA_URL': m.relativeUrl } : {}),
      })),
      PROPERTY: [{ '@NAME': 'lastUsedAnnotationId', '#text': String(annotationCount) }],
    },
    TIME_ORDER: {
      TIME_SLOT: slots.map((s) => ({ '@TIME_SLOT_ID': s.id, '@TIME_VALUE': String(s.ms) })),
    },
    TIER: tierNodes,
    LINGUISTIC_TYPE: [...types.values()],
    ...(doc.vocabularies.length > 0
      ? {
          LANGUAGE: [
            {
              '@LANG_DEF': 'http://cdb.iso.org/lg/CDB-00130975-001',
              '@LANG_ID': 'und',
              '@LANG_LABEL': 'undetermined (und)',
            },
          ],
        }
      : {}),
    CONSTRAINT: CONSTRAINTS.map(([stereotype, description]) => ({
      '@DESCRIPTION': description,
      '@STEREOTYPE': stereotype,
    })),
    CONTROLLED_VOCABULARY: doc.vocabularies.map((v) => ({
      '@CV_ID': v.id,
      ...(v.description ? { DESCRIPTION: { '@LANG_REF': 'und', '#text': v.description } } : {}),
      CV_ENTRY_ML: v.entries.map((e) => ({
        '@CVE_ID': `cveid${cveCount++}`,
        CVE_VALUE: {
          ...(e.description ? { '@DESCRIPTION': e.description } : {}),
          '@LANG_REF': 'und',
          '#text': e.value,
        },
      })),
    })),
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    format: true,
    indentBy: '    ',
    suppressEmptyNode: true,
    suppressBooleanAttributes: false,
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ ANNOTATION_DOCUMENT: root }) as string}`;
  const problems = validateEaf(xml);
  if (problems.length > 0) throw new Error(`EAF writer produced an invalid file: ${problems[0]}`);
  return xml;
}
