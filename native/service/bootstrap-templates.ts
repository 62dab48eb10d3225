/**
 * Template bootstrapping (`charkha generate --templates-from en --to hi
 * --mt M`): a language's generator templates translated into another with
 * their slots protected, written as a lexicon folder for review. Every
 * written template is marked `review: "machine"` until a person approves it
 * (`charkha lexicon approve`); one whose slots did not come back exactly once
 * goes to `rejected.json` with the reason, never into `templates.json`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../contract/errors.js';
import { loadTemplates, parseLexicon } from '../entities/lexicon.js';
import { templatesFileSchema } from '../entities/lexicon-schema.js';
import type { RejectedTemplatesFile, TemplateRecord } from '../entities/lexicon-schema.js';
import type { ModelRegistry } from '../models/registry.js';
import type { TranslateOptions } from '../mt/engine.js';
import { translateOnce } from '../mt/open.js';
import { protectSlots, restoreSlots } from '../mt/template-slots.js';

export interface BootstrapInput {
  from: string;
  to: string;
  model: string;
  /** The lexicon folder to write (`templates.json`, `rejected.json`); must not hold templates yet. */
  out: string;
  options?: TranslateOptions;
  registry?: ModelRegistry;
}

export interface BootstrapResult {
  out: string;
  templates: number;
  written: number;
  rejected: number;
}

function provenance(input: BootstrapInput): { _source: string; _licence: string; _notes: string } {
  return {
    _source: `machine-translated by charkha generate --templates-from ${input.from} --to ${input.to} --mt ${input.model}, from assets/lexicons/${input.from}/templates.json`,
    _licence: `as assets/lexicons/${input.from}/templates.json (a translation of its templates)`,
    _notes:
      'Every template here is review "machine": read it, fix it, then set review to "approved" (charkha lexicon approve). Templates whose slots did not survive translation are in rejected.json.',
  };
}

export async function bootstrapTemplates(input: BootstrapInput): Promise<BootstrapResult> {
  const { from, to } = input;
  if (from === to)
    throw new UserError('bad_input', `--to: same language as --templates-from (${to})`);
  const target = join(input.out, 'templates.json');
  if (existsSync(target)) {
    throw new UserError(
      'bad_input',
      `${target}: exists; give --out a new folder (review work is never overwritten)`,
    );
  }
  const sources = loadTemplates(from);
  const prepared = sources.map((t) => protectSlots(t));
  const outputs = await translateOnce(
    input.model,
    prepared.map((p) => p.text),
    from,
    to,
    input.options,
    input.registry,
  );
  const templates: TemplateRecord[] = [];
  const rejected: RejectedTemplatesFile['rejected'] = [];
  sources.forEach((t, i) => {
    const r = restoreSlots(outputs[i], prepared[i]);
    const base = { translated_from: t.id, source_text: t.text, translation: outputs[i] };
    if (!r.ok) {
      rejected.push({ ...base, reason: r.reason });
      return;
    }
    if (r.slots.length === 0 && t.class !== 'codemix') {
      rejected.push({ ...base, reason: 'no slot in a non-codemix template' });
      return;
    }
    templates.push({
      id: `${to}-${t.id.slice(t.id.indexOf('-') + 1)}`,
      class: t.class,
      text: r.text,
      slots: r.slots,
      review: 'machine',
      translated_from: t.id,
    });
  });
  mkdirSync(input.out, { recursive: true });
  const rejectedFile: RejectedTemplatesFile = { ...provenance(input), lang: to, rejected };
  writeFileSync(join(input.out, 'rejected.json'), `${JSON.stringify(rejectedFile, null, 1)}\n`);
  if (templates.length === 0) {
    throw new UserError(
      'unsupported',
      `${input.model}: no template of ${from} kept its slots in ${to}; reasons in ${join(input.out, 'rejected.json')}`,
    );
  }
  const file = { ...provenance(input), lang: to, templates };
  // What is written must be what the generator reads back.
  parseLexicon(templatesFileSchema, file, target);
  writeFileSync(target, `${JSON.stringify(file, null, 1)}\n`);
  return {
    out: input.out,
    templates: sources.length,
    written: templates.length,
    rejected: rejected.length,
  };
}
