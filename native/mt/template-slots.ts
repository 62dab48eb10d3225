/**
 * Template slots through translation: each `{slot}` of a generator template
 * becomes a placeholder (protect.ts's, which models copy), and after
 * translation the placeholders become slots again. A template is only good
 * when every slot came back exactly once and nothing was invented: anything
 * else is a rejection with its reason, for a person to read.
 */
import type { SlotName, TemplateRecord } from '../entities/lexicon-schema.js';
import { placeholder } from './protect.js';
import { fillPlaceholders } from './restore.js';

const SLOT = /\{([a-z_]+)\}/g;

export interface ProtectedTemplate {
  /** The template text with `ZX0`, `ZX1`… in place of its slots. */
  text: string;
  /** Slot names by placeholder index. */
  slots: SlotName[];
}

export function protectSlots(t: Pick<TemplateRecord, 'text'>): ProtectedTemplate {
  const slots: SlotName[] = [];
  const text = t.text.replace(SLOT, (_whole, name: string) => {
    slots.push(name as SlotName);
    return placeholder(slots.length - 1);
  });
  return { text, slots };
}

export type RestoredTemplate =
  { ok: true; text: string; slots: SlotName[] } | { ok: false; text: string; reason: string };

export function restoreSlots(translation: string, p: ProtectedTemplate): RestoredTemplate {
  const f = fillPlaceholders(
    translation,
    p.slots.map((s) => `{${s}}`),
  );
  const problems: string[] = [];
  p.slots.forEach((s, i) => {
    if (f.seen[i] === 0) problems.push(`{${s}} lost`);
    if (f.seen[i] > 1) problems.push(`{${s}} written ${f.seen[i]} times`);
  });
  for (const w of f.invented) problems.push(`${w} is no slot of the source`);
  // Braces the model wrote itself would make slots nobody protected (or none the generator knows).
  if (/[{}]/.test(translation)) problems.push('a brace outside a slot');
  if (f.text.replace(SLOT, '').trim() === '' && p.slots.length === 0)
    problems.push('empty translation');
  if (problems.length > 0) return { ok: false, text: f.text, reason: problems.join('; ') };
  return { ok: true, text: f.text, slots: f.order.map((i) => p.slots[i]) };
}
