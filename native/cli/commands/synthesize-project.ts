/** `charkha synthesize -p DIR`: the project's utterances without audio, spoken into its audio store. */
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { UserError } from '../../contract/errors.js';
import { importCorpus } from '../../service/import-corpus.js';
import type { TtsEngine } from '../../tts/engine.js';
import { EspeakEngine } from '../../tts/espeak/engine.js';
import { MmsTtsEngine } from '../../tts/mms/engine.js';
import { PiperEngine } from '../../tts/piper/engine.js';
import type { AugmentChain } from '../../tts/post/chain.js';
import { synthesizeProject } from '../../tts/project-synthesize.js';
import type { ProjectEngineId } from '../../tts/project-synthesize.js';
import { WorkerPool } from '../../workers/pool.js';
import { printJson, printLine } from '../output.js';
import { progressBar } from '../progress.js';
import { withProject } from '../project-option.js';
import type { SynthesizeFlags } from './synthesize.js';

export async function synthesizeIntoProject(
  o: SynthesizeFlags,
  dir: string,
  chain: AugmentChain,
  chainLabel: string | null,
): Promise<void> {
  if (o.out !== undefined) {
    throw new UserError(
      'bad_input',
      '-p and --out do not go together: a project keeps its own audio',
    );
  }
  const engineId = o.engine as ProjectEngineId;
  const pool = new WorkerPool({ size: availableParallelism() });
  const engine: TtsEngine & { close?: () => Promise<void> } =
    engineId === 'espeak'
      ? new EspeakEngine(pool)
      : engineId === 'piper'
        ? new PiperEngine()
        : new MmsTtsEngine();
  const bar = progressBar('synthesize', Boolean(o.json));
  const started = Date.now();
  try {
    const { imported, r } = await withProject(dir, {}, async (project, signal) => {
      const imported = o.in ? await importCorpus(project, o.in, { signal }) : null;
      const r = await synthesizeProject(project, engine, pool, {
        engine: engineId,
        voice: o.voice,
        variant: o.variant,
        rate: o.rate,
        pitch: o.pitch,
        range: o.range,
        chain,
        chainLabel,
        seed: o.seed,
        system: o.system,
        lang: o.lang,
        ids: o.in ? rowIds(o.in) : undefined,
        concurrency: engineId === 'espeak' ? pool.size : 1,
        signal,
        onProgress: (p) => bar.update({ done: p.done, total: p.total ?? null, message: p.message }),
      });
      return { imported, r };
    });
    bar.stop();
    const wall = Math.round((Date.now() - started) / 10) / 100;
    if (o.json) {
      printJson({
        project: dir,
        imported: imported && {
          rows: imported.rows,
          imported: imported.imported,
          unchanged: imported.unchanged,
          problems: imported.problems,
        },
        ...r,
        wall_seconds: wall,
      });
      return;
    }
    if (imported) {
      printLine(
        `${o.in}: ${imported.rows} rows, imported ${imported.imported}, unchanged ${imported.unchanged}, with problems ${imported.problems.length}`,
      );
      for (const p of imported.problems) printLine(`  line ${p.line}: ${p.reason}`);
    }
    printLine(
      `spoke ${r.spoken} utterances (${r.audioSeconds} s of audio) as ${r.systems.join(', ') || '(none)'}; ` +
        `already spoken ${r.alreadySpoken}, with other audio ${r.otherAudio}, failed ${r.failed.length}` +
        (r.cancelled ? '; stopped early (run again to resume)' : ''),
    );
    for (const f of r.failed) printLine(`  ${f.id}: ${f.reason}`);
  } finally {
    bar.stop();
    if (engine.close) await engine.close();
    await pool.close();
  }
}

/** The ids of a JSONL file's rows (those that parse; the import reports the rest). */
function rowIds(file: string): Set<string> {
  const ids = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    try {
      const v = JSON.parse(line.replace(/^\uFEFF/, '')) as { id?: unknown };
      if (typeof v.id === 'string' || typeof v.id === 'number') ids.add(String(v.id));
    } catch {
      // reported by the import
    }
  }
  return ids;
}
