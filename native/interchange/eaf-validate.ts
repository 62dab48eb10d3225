import { UserError } from '../contract/errors.js';
import { attr, child, children, parseEafXml, type XmlNode } from './eaf-xml.js';

// The EAF 3.0 schema's top-level sequence.
const ROOT_ORDER = [
  'HEADER',
  'TIME_ORDER',
  'TIER',
  'LINGUISTIC_TYPE',
  'LOCALE',
  'LANGUAGE',
  'CONSTRAINT',
  'CONTROLLED_VOCABULARY',
  'LEXICON_REF',
  'EXTERNAL_REF',
];

const NCNAME = /^[A-Za-z_][\w.-]*$/u;

/**
 * The EAF 3.0 schema's rules that ELAN relies on when it opens a file:
 * element order, unique ids (xsd:ID values are unique across the document),
 * time slots in order, every reference resolving (time slots, parent tiers,
 * linguistic types, constraints, vocabularies, languages, parent
 * annotations), and each tier's annotations matching its type. Returns the
 * problems found, each naming the element at fault; none means valid.
 */
export function validateEaf(xml: string): string[] {
  let root: XmlNode;
  try {
    root = parseEafXml(xml, 'eaf');
  } catch (e) {
    if (e instanceof UserError) return [e.message];
    throw e;
  }
  const problems: string[] = [];
  const fail = (m: string) => problems.push(m);

  if (attr(root, 'FORMAT') !== '3.0') fail('ANNOTATION_DOCUMENT: FORMAT is not "3.0"');
  if (!attr(root, 'DATE')) fail('ANNOTATION_DOCUMENT: DATE is missing');
  const present = Object.keys(root).filter((k) => !k.startsWith('@_') && k !== '#text');
  const positions = present.map((k) => ROOT_ORDER.indexOf(k));
  present.forEach((k, i) => {
    if (positions[i] < 0) fail(`ANNOTATION_DOCUMENT: unexpected element ${k}`);
  });
  if (!child(root, 'HEADER')) fail('ANNOTATION_DOCUMENT: HEADER is missing');
  if (!child(root, 'TIME_ORDER')) fail('ANNOTATION_DOCUMENT: TIME_ORDER is missing');
  const raw = xml.replace(/<\?[^>]*\?>/g, '');
  let lastPos = -1;
  for (const m of raw.matchAll(/<([A-Z_]+)[\s/>]/g)) {
    // Only the root's children matter for the sequence; nested names are not in ROOT_ORDER.
    const pos = ROOT_ORDER.indexOf(m[1]);
    if (pos < 0 || m[1] === 'DESCRIPTION') continue;
    if (pos < lastPos) fail(`ANNOTATION_DOCUMENT: ${m[1]} comes after ${ROOT_ORDER[lastPos]}`);
    lastPos = Math.max(lastPos, pos);
  }

  const xsdIds = new Set<string>();
  const useId = (id: string | undefined, what: string) => {
    if (id === undefined || id === '') return fail(`${what}: id is missing`);
    if (!NCNAME.test(id)) fail(`${what}: "${id}" is not a valid XML id`);
    if (xsdIds.has(id)) fail(`${what}: id "${id}" is used twice`);
    xsdIds.add(id);
  };

  const slotTimes = new Map<string, number | null>();
  let last = -1;
  for (const s of children(child(root, 'TIME_ORDER') ?? {}, 'TIME_SLOT')) {
    const id = attr(s, 'TIME_SLOT_ID');
    useId(id, `TIME_SLOT ${id ?? '?'}`);
    const v = attr(s, 'TIME_VALUE');
    if (v === undefined) {
      slotTimes.set(id ?? '', null);
      continue;
    }
    if (!/^\d+$/.test(v)) fail(`TIME_SLOT ${id}: TIME_VALUE "${v}" is not an unsigned integer`);
    const ms = Number(v);
    if (ms < last) fail(`TIME_SLOT ${id}: ${ms} ms comes after ${last} ms in TIME_ORDER`);
    last = Math.max(last, ms);
    slotTimes.set(id ?? '', ms);
  }

  const constraints = new Set(children(root, 'CONSTRAINT').map((c) => attr(c, 'STEREOTYPE')));
  const languages = new Set(children(root, 'LANGUAGE').map((l) => attr(l, 'LANG_ID')));
  const cvs = new Set<string>();
  for (const cv of children(root, 'CONTROLLED_VOCABULARY')) {
    const id = attr(cv, 'CV_ID') ?? '';
    if (cvs.has(id)) fail(`CONTROLLED_VOCABULARY ${id}: CV_ID is used twice`);
    cvs.add(id);
    const cveIds = new Set<string>();
    for (const e of children(cv, 'CV_ENTRY_ML')) {
      const cveId = attr(e, 'CVE_ID') ?? '';
      if (cveIds.has(cveId)) fail(`CV_ENTRY_ML ${cveId} in ${id}: CVE_ID is used twice`);
      cveIds.add(cveId);
      for (const v of children(e, 'CVE_VALUE')) {
        const lang = attr(v, 'LANG_REF');
        if (!languages.has(lang))
          fail(`CVE_VALUE in ${cveId}: LANG_REF "${lang}" does not resolve`);
      }
    }
  }

  const types = new Map<string, { alignable: boolean; constraint: string | undefined }>();
  for (const lt of children(root, 'LINGUISTIC_TYPE')) {
    const id = attr(lt, 'LINGUISTIC_TYPE_ID') ?? '';
    if (types.has(id)) fail(`LINGUISTIC_TYPE ${id}: LINGUISTIC_TYPE_ID is used twice`);
    const constraint = attr(lt, 'CONSTRAINTS');
    if (constraint !== undefined && !constraints.has(constraint))
      fail(`LINGUISTIC_TYPE ${id}: CONSTRAINTS "${constraint}" does not resolve`);
    const cv = attr(lt, 'CONTROLLED_VOCABULARY_REF');
    if (cv !== undefined && !cvs.has(cv))
      fail(`LINGUISTIC_TYPE ${id}: CONTROLLED_VOCABULARY_REF "${cv}" does not resolve`);
    const alignable = attr(lt, 'TIME_ALIGNABLE') !== 'false';
    const symbolic = constraint === 'Symbolic_Association' || constraint === 'Symbolic_Subdivision';
    if (alignable === symbolic)
      fail(
        `LINGUISTIC_TYPE ${id}: TIME_ALIGNABLE does not match CONSTRAINTS "${constraint ?? ''}"`,
      );
    types.set(id, { alignable, constraint });
  }

  const tiers = children(root, 'TIER');
  const tierIds = new Set<string>();
  for (const t of tiers) {
    const id = attr(t, 'TIER_ID') ?? '';
    if (tierIds.has(id)) fail(`TIER ${id}: TIER_ID is used twice`);
    tierIds.add(id);
  }
  // Annotation id → [tier, start ms, end ms] of alignable annotations and their references.
  const annotations = new Map<string, { tier: string; span: [number, number] | null }>();
  for (const t of tiers) {
    const id = attr(t, 'TIER_ID') ?? '';
    for (const a of children(t, 'ANNOTATION')) {
      const al = child(a, 'ALIGNABLE_ANNOTATION');
      const node = al ?? child(a, 'REF_ANNOTATION');
      if (!node) continue;
      const aid = attr(node, 'ANNOTATION_ID');
      useId(aid, `ANNOTATION in TIER ${id}`);
      let span: [number, number] | null = null;
      if (al) {
        const s = slotTimes.get(attr(al, 'TIME_SLOT_REF1') ?? '');
        const e = slotTimes.get(attr(al, 'TIME_SLOT_REF2') ?? '');
        if (s !== undefined && e !== undefined && s !== null && e !== null) span = [s, e];
      }
      annotations.set(aid ?? '', { tier: id, span });
    }
  }

  for (const t of tiers) {
    const id = attr(t, 'TIER_ID') ?? '';
    const typeRef = attr(t, 'LINGUISTIC_TYPE_REF') ?? '';
    const type = types.get(typeRef);
    if (!type) fail(`TIER ${id}: LINGUISTIC_TYPE_REF "${typeRef}" does not resolve`);
    const parent = attr(t, 'PARENT_REF');
    if (parent !== undefined && !tierIds.has(parent))
      fail(`TIER ${id}: PARENT_REF "${parent}" does not resolve`);
    if (type?.constraint !== undefined && parent === undefined)
      fail(`TIER ${id}: a ${type.constraint} tier needs a PARENT_REF`);
    const referenced = new Set<string>();
    const spans: [number, number, string][] = [];
    for (const a of children(t, 'ANNOTATION')) {
      const al = child(a, 'ALIGNABLE_ANNOTATION');
      const rf = child(a, 'REF_ANNOTATION');
      if (al) {
        const aid = attr(al, 'ANNOTATION_ID') ?? '';
        if (type && !type.alignable)
          fail(`ALIGNABLE_ANNOTATION ${aid}: TIER ${id} is not time-alignable`);
        for (const r of ['TIME_SLOT_REF1', 'TIME_SLOT_REF2']) {
          if (!slotTimes.has(attr(al, r) ?? ''))
            fail(`ALIGNABLE_ANNOTATION ${aid}: ${r} "${attr(al, r) ?? ''}" does not resolve`);
        }
        const span = annotations.get(aid)?.span;
        if (span) {
          if (span[1] <= span[0]) fail(`ALIGNABLE_ANNOTATION ${aid}: ends at or before its start`);
          spans.push([span[0], span[1], aid]);
          if (type?.constraint === 'Included_In' && parent !== undefined) {
            const inside = [...annotations.values()].some(
              (p) => p.tier === parent && p.span && p.span[0] <= span[0] && span[1] <= p.span[1],
            );
            if (!inside)
              fail(
                `ALIGNABLE_ANNOTATION ${aid}: not inside an annotation of parent tier ${parent}`,
              );
          }
        }
      } else if (rf) {
        const aid = attr(rf, 'ANNOTATION_ID') ?? '';
        if (type?.alignable) fail(`REF_ANNOTATION ${aid}: TIER ${id} is time-alignable`);
        const ref = attr(rf, 'ANNOTATION_REF') ?? '';
        const target = annotations.get(ref);
        if (!target) fail(`REF_ANNOTATION ${aid}: ANNOTATION_REF "${ref}" does not resolve`);
        else if (target.tier !== parent)
          fail(
            `REF_ANNOTATION ${aid}: ANNOTATION_REF "${ref}" is not on parent tier ${parent ?? '(none)'}`,
          );
        if (type?.constraint === 'Symbolic_Association') {
          if (referenced.has(ref))
            fail(`REF_ANNOTATION ${aid}: a second association with annotation ${ref}`);
          referenced.add(ref);
        }
      }
    }
    if (type?.constraint === undefined) {
      spans.sort((x, y) => x[0] - y[0]);
      for (let i = 1; i < spans.length; i++)
        if (spans[i][0] < spans[i - 1][1])
          fail(`ALIGNABLE_ANNOTATION ${spans[i][2]}: overlaps ${spans[i - 1][2]} on TIER ${id}`);
    }
  }
  return problems;
}
