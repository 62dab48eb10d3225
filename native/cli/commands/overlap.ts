import { Command } from 'commander';
import { readJsonlRows, type LooseRow } from '../../entities/jsonl-rows.js';
import { computeOverlap, type OverlapCount } from '../../entities/overlap.js';
import { printJson, printLine } from '../output.js';

function pct(c: OverlapCount): string {
  return `${c.shared}/${c.total} (${(100 * c.share).toFixed(1)}%)`;
}

export function overlapCommand(): Command {
  return new Command('overlap')
    .description(
      'exact sentence, template and entity-value overlap of one JSONL corpus with others',
    )
    .argument('<a>', 'the corpus to check (JSONL)')
    .requiredOption('--against <files...>', 'the corpus or corpora to look in (JSONL)')
    .option('--json', 'print one JSON object')
    .action((a: string, o: { against: string[]; json?: boolean }) => {
      const rowsA = readJsonlRows(a);
      const rowsB: LooseRow[] = [];
      for (const f of o.against) rowsB.push(...readJsonlRows(f));
      const r = computeOverlap(rowsA, rowsB);
      if (o.json) {
        printJson({ a, against: o.against, ...r });
        return;
      }
      printLine(`${a}: ${r.rows} rows against ${o.against.length} file(s), ${rowsB.length} rows`);
      printLine(`  sentences: ${pct(r.sentences)}`);
      printLine(`  templates: ${pct(r.templates)}`);
      printLine(`  entity values: ${pct(r.values)}`);
    });
}
