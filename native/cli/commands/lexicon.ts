import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { UserError } from '../../contract/errors.js';
import { readLexiconFile } from '../../entities/lexicon.js';
import { templatesFileSchema } from '../../entities/lexicon-schema.js';
import { printJson, printLine } from '../output.js';

interface ApproveOpts {
  all?: boolean;
  id?: string[];
  json?: boolean;
}

/**
 * Marks machine-translated templates of a lexicon folder as read by a
 * person (`review: "approved"`); the same as editing the field by hand.
 */
export function approveTemplates(
  folder: string,
  which: { all: true } | { ids: readonly string[] },
): { approved: string[]; machine: number } {
  const path = join(folder, 'templates.json');
  const file = readLexiconFile(path, templatesFileSchema);
  const known = new Set(file.templates.map((t) => t.id));
  if ('ids' in which) {
    const unknown = which.ids.filter((i) => !known.has(i));
    if (unknown.length > 0)
      throw new UserError('not_found', `${path}: no template ${unknown.join(', ')}`);
  }
  const wanted = 'ids' in which ? new Set(which.ids) : known;
  const approved: string[] = [];
  for (const t of file.templates) {
    if (t.review === 'machine' && wanted.has(t.id)) {
      t.review = 'approved';
      approved.push(t.id);
    }
  }
  writeFileSync(path, `${JSON.stringify(file, null, 1)}\n`);
  return { approved, machine: file.templates.filter((t) => t.review === 'machine').length };
}

export function lexiconCommand(): Command {
  const cmd = new Command('lexicon').description('lexicon folders under review');
  cmd
    .command('approve')
    .description('mark machine-translated templates as read by a person (review: "approved")')
    .argument('<folder>', 'the lexicon folder (its templates.json)')
    .option('--all', 'every machine-translated template')
    .option('--id <ids...>', 'these template ids')
    .option('--json', 'print the result as JSON')
    .action((folder: string, o: ApproveOpts) => {
      if (Boolean(o.all) === (o.id !== undefined)) {
        throw new UserError(
          'bad_input',
          'lexicon approve: give exactly one of --all or --id <ids…>',
        );
      }
      const r = approveTemplates(folder, o.all ? { all: true } : { ids: o.id ?? [] });
      if (o.json) printJson(r);
      else printLine(`${r.approved.length} approved; ${r.machine} still machine-translated`);
    });
  return cmd;
}
