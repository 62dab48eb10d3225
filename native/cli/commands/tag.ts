import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { readJsonlRows } from '../../entities/jsonl-rows.js';
import { tagRows } from '../../entities/tag-rows.js';
import { printJson, printLine } from '../output.js';

export function tagCommand(): Command {
  return new Command('tag')
    .description('add entity spans (entity_tokens) to JSONL rows that have none')
    .argument('<in>', 'the JSONL rows (id, lang, text, …)')
    .requiredOption('--out <file>', 'where to write the tagged rows')
    .option('--json', 'print one JSON object')
    .action((input: string, o: { out: string; json?: boolean }) => {
      const rows = readJsonlRows(input);
      const r = tagRows(rows, input);
      writeFileSync(o.out, r.rows.map((x) => `${JSON.stringify(x)}\n`).join(''));
      const entities = r.rows.reduce(
        (n, x) => n + (Array.isArray(x.entity_tokens) ? x.entity_tokens.length : 0),
        0,
      );
      if (o.json) printJson({ rows: r.rows.length, tagged: r.tagged, entities, out: o.out });
      else printLine(`${r.rows.length} rows, ${r.tagged} tagged, ${entities} entities → ${o.out}`);
    });
}
