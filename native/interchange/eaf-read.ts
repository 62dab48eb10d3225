import { UserError } from '../contract/errors.js';
import {
  checkDocument,
  emptyDocument,
  kindFromName,
  msTime,
  newTier,
  type AnnotationDocument,
  type DocVocabulary,
} from './annotation-document.js';
import { attr, child, children, parseEafXml, textOf, type XmlNode } from './eaf-xml.js';
import { decodeText } from './text-encoding.js';

interface RawAnnotation {
  id: string;
  tier: string;
  value: string;
  /** Alignable: its two time slots. */
  slots?: [string, string];
  /** Reference: the annotation it refers to and the one before it in a subdivision. */
  ref?: string;
  previous?: string;
}

/**
 * Reads an ELAN .eaf (2.7 to 3.0): time slots (unaligned ones interpolated),
 * alignable and reference tiers, linguistic types, controlled vocabularies,
 * participants and media. A reference that does not resolve is refused naming
 * the element that holds it.
 */
export function readEaf(bytes: Uint8Array, where: string): AnnotationDocument {
  const root = parseEafXml(decodeText(bytes, where), where);
  const doc = emptyDocument();
  const header = child(root, 'HEADER');
  if (!header) throw new UserError('bad_input', `${where}: ANNOTATION_DOCUMENT has no HEADER`);
  const units = attr(header, 'TIME_UNITS') ?? 'milliseconds';
  if (units !== 'milliseconds')
    throw new UserError(
      'unsupported',
      `${where}: HEADER TIME_UNITS="${units}" (only milliseconds)`,
    );
  for (const m of children(header, 'MEDIA_DESCRIPTOR')) {
    const url = attr(m, 'MEDIA_URL');
    if (!url) throw new UserError('bad_input', `${where}: a MEDIA_DESCRIPTOR has no MEDIA_URL`);
    doc.media.push({
      url,
      mimeType: attr(m, 'MIME_TYPE') ?? null,
      relativeUrl: attr(m, 'RELATIVE_MEDIA_URL') ?? null,
    });
  }

  const times = readTimeSlots(root, where);
  const vocabularies = readVocabularies(root, where);
  doc.vocabularies = vocabularies;

  const types = new Map<
    string,
    { alignable: boolean; constraint: string | null; cv: string | null }
  >();
  for (const lt of children(root, 'LINGUISTIC_TYPE')) {
    const id = attr(lt, 'LINGUISTIC_TYPE_ID');
    if (!id)
      throw new UserError('bad_input', `${where}: a LINGUISTIC_TYPE has no LINGUISTIC_TYPE_ID`);
    const cv = attr(lt, 'CONTROLLED_VOCABULARY_REF') ?? null;
    if (cv !== null && !vocabularies.some((v) => v.id === cv))
      throw new UserError(
        'bad_input',
        `${where}: LINGUISTIC_TYPE "${id}" names CONTROLLED_VOCABULARY "${cv}", which does not exist`,
      );
    types.set(id, {
      alignable: attr(lt, 'TIME_ALIGNABLE') !== 'false',
      constraint: attr(lt, 'CONSTRAINTS') ?? null,
      cv,
    });
  }

  const annotations = new Map<string, RawAnnotation>();
  const tierTypes = new Map<string, string>();
  for (const t of children(root, 'TIER')) {
    const name = attr(t, 'TIER_ID');
    if (!name) throw new UserError('bad_input', `${where}: a TIER has no TIER_ID`);
    const typeRef = attr(t, 'LINGUISTIC_TYPE_REF') ?? '';
    const type = types.get(typeRef);
    if (!type)
      throw new UserError(
        'bad_input',
        `${where}: TIER "${name}" names LINGUISTIC_TYPE "${typeRef}", which does not exist`,
      );
    tierTypes.set(name, typeRef);
    const tier = newTier(
      name,
      kindFromName(typeRef) === 'user' ? kindFromName(name) : kindFromName(typeRef),
    );
    tier.parent = attr(t, 'PARENT_REF') ?? null;
    tier.participant = attr(t, 'PARTICIPANT') || null;
    tier.annotator = attr(t, 'ANNOTATOR') || null;
    tier.vocabulary = type.cv;
    doc.tiers.push(tier);
    for (const a of children(t, 'ANNOTATION')) {
      const al = child(a, 'ALIGNABLE_ANNOTATION');
      const rf = child(a, 'REF_ANNOTATION');
      const node = (al ?? rf) as XmlNode | undefined;
      if (!node)
        throw new UserError('bad_input', `${where}: an ANNOTATION in TIER "${name}" is empty`);
      const id = attr(node, 'ANNOTATION_ID');
      const kind = al ? 'ALIGNABLE_ANNOTATION' : 'REF_ANNOTATION';
      if (!id)
        throw new UserError(
          'bad_input',
          `${where}: a ${kind} in TIER "${name}" has no ANNOTATION_ID`,
        );
      if (annotations.has(id))
        throw new UserError('bad_input', `${where}: ${kind} "${id}": ANNOTATION_ID is used twice`);
      const value = textOf(child(node, 'ANNOTATION_VALUE'));
      if (al) {
        const r1 = attr(al, 'TIME_SLOT_REF1') ?? '';
        const r2 = attr(al, 'TIME_SLOT_REF2') ?? '';
        for (const r of [r1, r2])
          if (!times.has(r))
            throw new UserError(
              'bad_input',
              `${where}: ALIGNABLE_ANNOTATION "${id}": time slot "${r}" does not exist`,
            );
        annotations.set(id, { id, tier: name, value, slots: [r1, r2] });
      } else {
        const ref = attr(node, 'ANNOTATION_REF') ?? '';
        annotations.set(id, {
          id,
          tier: name,
          value,
          ref,
          previous: attr(node, 'PREVIOUS_ANNOTATION'),
        });
      }
    }
  }

  const spans = resolveTimes(annotations, times, where);
  for (const tier of doc.tiers) {
    if (tier.parent !== null && !doc.tiers.some((t) => t.name === tier.parent))
      throw new UserError(
        'bad_input',
        `${where}: TIER "${tier.name}" has PARENT_REF "${tier.parent}", which does not exist`,
      );
  }
  for (const a of annotations.values()) {
    const [start, end] = spans.get(a.id)!;
    doc.tiers.find((t) => t.name === a.tier)!.segments.push({ start, end, text: a.value });
  }
  doc.end = Math.max(0, ...[...times.values()].filter((v): v is number => v !== null));
  return checkDocument(doc, where);
}

/** Slot id → seconds, or null for an unaligned slot; values must not go back in time. */
function readTimeSlots(root: XmlNode, where: string): Map<string, number | null> {
  const order = child(root, 'TIME_ORDER');
  const slots = order ? children(order, 'TIME_SLOT') : [];
  const raw: { id: string; value: number | null }[] = [];
  const seen = new Set<string>();
  let last = -Infinity;
  for (const s of slots) {
    const id = attr(s, 'TIME_SLOT_ID');
    if (!id) throw new UserError('bad_input', `${where}: a TIME_SLOT has no TIME_SLOT_ID`);
    if (seen.has(id))
      throw new UserError('bad_input', `${where}: TIME_SLOT "${id}" is defined twice`);
    seen.add(id);
    const v = attr(s, 'TIME_VALUE');
    if (v === undefined) {
      raw.push({ id, value: null });
      continue;
    }
    if (!/^\d+$/.test(v))
      throw new UserError(
        'bad_input',
        `${where}: TIME_SLOT "${id}": TIME_VALUE "${v}" is not whole milliseconds`,
      );
    const ms = Number(v);
    if (ms < last)
      throw new UserError(
        'bad_input',
        `${where}: TIME_SLOT "${id}" (${ms} ms) comes before an earlier slot's time`,
      );
    last = ms;
    raw.push({ id, value: ms });
  }
  // Unaligned slots (ELAN's subdivisions) sit evenly between their aligned neighbours.
  const out = new Map<string, number | null>();
  for (let i = 0; i < raw.length; i++) {
    if (raw[i].value !== null) {
      out.set(raw[i].id, raw[i].value! / 1000);
      continue;
    }
    let p = i - 1;
    while (p >= 0 && raw[p].value === null) p--;
    let n = i + 1;
    while (n < raw.length && raw[n].value === null) n++;
    if (p < 0 || n >= raw.length) {
      out.set(raw[i].id, null);
      continue;
    }
    const a = raw[p].value!;
    const b = raw[n].value!;
    out.set(raw[i].id, Math.round(a + ((b - a) * (i - p)) / (n - p)) / 1000);
  }
  return out;
}

function readVocabularies(root: XmlNode, where: string): DocVocabulary[] {
  return children(root, 'CONTROLLED_VOCABULARY').map((cv) => {
    const id = attr(cv, 'CV_ID');
    if (!id) throw new UserError('bad_input', `${where}: a CONTROLLED_VOCABULARY has no CV_ID`);
    const description = textOf(child(cv, 'DESCRIPTION')) || attr(cv, 'DESCRIPTION') || null;
    // EAF 3.0 entries are multilingual (CV_ENTRY_ML/CVE_VALUE); 2.x had CV_ENTRY with text.
    const entries = [
      ...children(cv, 'CV_ENTRY_ML').map((e) => {
        const v = child(e, 'CVE_VALUE');
        if (!v)
          throw new UserError(
            'bad_input',
            `${where}: CV_ENTRY_ML "${attr(e, 'CVE_ID') ?? '?'}" in CONTROLLED_VOCABULARY "${id}" has no CVE_VALUE`,
          );
        return { value: textOf(v), description: attr(v, 'DESCRIPTION') ?? null };
      }),
      ...children(cv, 'CV_ENTRY').map((e) => ({
        value: textOf(e),
        description: attr(e, 'DESCRIPTION') ?? null,
      })),
    ];
    return { id, description, entries };
  });
}

/**
 * Times of every annotation: an alignable one from its slots, a reference
 * one from the annotation it refers to; a symbolic subdivision shares its
 * parent's span evenly among the chain of siblings.
 */
function resolveTimes(
  annotations: Map<string, RawAnnotation>,
  times: Map<string, number | null>,
  where: string,
): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  const siblings = new Map<string, RawAnnotation[]>();
  for (const a of annotations.values()) {
    if (a.ref === undefined) continue;
    const key = `${a.tier}\n${a.ref}`;
    const list = siblings.get(key) ?? [];
    list.push(a);
    siblings.set(key, list);
  }
  const resolving = new Set<string>();
  const resolve = (a: RawAnnotation): [number, number] => {
    const known = out.get(a.id);
    if (known) return known;
    if (resolving.has(a.id))
      throw new UserError(
        'bad_input',
        `${where}: REF_ANNOTATION "${a.id}" refers to itself in a loop`,
      );
    resolving.add(a.id);
    let span: [number, number];
    if (a.slots) {
      const s = times.get(a.slots[0]);
      const e = times.get(a.slots[1]);
      if (s == null || e == null)
        throw new UserError('bad_input', `${where}: ALIGNABLE_ANNOTATION "${a.id}" has no time`);
      if (e < s)
        throw new UserError(
          'bad_input',
          `${where}: ALIGNABLE_ANNOTATION "${a.id}" ends before it starts`,
        );
      span = [msTime(s), msTime(e)];
    } else {
      const parent = annotations.get(a.ref!);
      if (!parent)
        throw new UserError(
          'bad_input',
          `${where}: REF_ANNOTATION "${a.id}": ANNOTATION_REF "${a.ref}" does not exist`,
        );
      const [ps, pe] = resolve(parent).map((x) => Math.round(x * 1000));
      const chain = orderChain(siblings.get(`${a.tier}\n${a.ref}`)!, where);
      const k = chain.indexOf(a);
      const at = (j: number) => Math.round(ps + ((pe - ps) * j) / chain.length) / 1000;
      span = [at(k), at(k + 1)];
    }
    resolving.delete(a.id);
    out.set(a.id, span);
    return span;
  };
  for (const a of annotations.values()) resolve(a);
  return out;
}

/** One tier's annotations under one parent in PREVIOUS_ANNOTATION order (one, for a symbolic association). */
function orderChain(list: RawAnnotation[], where: string): RawAnnotation[] {
  if (list.length === 1) return list;
  const ordered: RawAnnotation[] = [];
  let prev: string | undefined = undefined;
  for (let i = 0; i < list.length; i++) {
    const next = list.find((a) => a.previous === prev && !ordered.includes(a));
    if (!next)
      throw new UserError(
        'bad_input',
        `${where}: REF_ANNOTATION "${list[0].id}": PREVIOUS_ANNOTATION links under "${list[0].ref}" do not form one chain`,
      );
    ordered.push(next);
    prev = next.id;
  }
  return ordered;
}
