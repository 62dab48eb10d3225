import { availableParallelism } from 'node:os';
import { Command, Option } from 'commander';
import { UserError } from '../../contract/errors.js';
import { synthesizeBatch, synthesizeSequential } from '../../tts/batch.js';
import type { ManifestEntry } from '../../tts/batch.js';
import { EspeakEngine } from '../../tts/espeak/engine.js';
import { MmsTtsEngine } from '../../tts/mms/engine.js';
import { PiperEngine } from '../../tts/piper/engine.js';
import { AUGMENT_PRESETS, parseChain } from '../../tts/post/chain.js';
import type { AugmentChain } from '../../tts/post/chain.js';
import { readSynthesisRows } from '../../tts/rows.js';
import { WorkerPool } from '../../workers/pool.js';
import { printJson, printLine } from '../output.js';
import { progressBar } from '../progress.js';
import { synthesizeIntoProject } from './synthesize-project.js';

export interface SynthesizeFlags {
  engine: string;
  voice?: string;
  variant?: string;
  rate?: number;
  pitch?: number;
  range?: number;
  in?: string;
  out?: string;
  augment?: string;
  seed: number;
  sampleRate?: number;
  loudness?: number;
  json?: boolean;
  listVoices?: boolean;
  project?: string;
  system?: string;
  lang?: string;
}

function intArg(name: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isFinite(n))
      throw new UserError('bad_input', `${name} must be a number, got "${v}"`);
    return n;
  };
}

function buildChain(o: SynthesizeFlags): AugmentChain {
  return parseChain([
    ...(o.augment ? parseChain(o.augment) : []),
    ...(o.loudness !== undefined ? [{ kind: 'loudness', targetDbfs: o.loudness }] : []),
    ...(o.sampleRate !== undefined ? [{ kind: 'resample', rate: o.sampleRate }] : []),
  ]);
}

function report(o: SynthesizeFlags, out: string, entries: ManifestEntry[], started: number): void {
  const audio = entries.reduce((s, e) => s + e.duration, 0);
  const summary = {
    out,
    rows: entries.length,
    audio_seconds: Math.round(audio * 100) / 100,
    wall_seconds: Math.round((Date.now() - started) / 10) / 100,
    manifest: 'manifest.jsonl',
  };
  if (o.json) printJson(summary);
  else
    printLine(
      `wrote ${entries.length} WAV files (${summary.audio_seconds} s of audio) and manifest.jsonl to ${out}`,
    );
}

/**
 * `charkha synthesize`: text rows to WAV files with espeak-ng (worker pool,
 * rows in parallel) or a Piper / MMS-TTS model from the registry (inference
 * worker, rows in turn), optionally augmented.
 */
export function synthesizeCommand(): Command {
  return new Command('synthesize')
    .description(
      'speak text into audio: JSONL rows (id + spoken or text) into one WAV per row plus ' +
        "manifest.jsonl (--in/--out), or a project's utterances into its audio store (-p)",
    )
    .addHelpText(
      'after',
      `
Into a project (-p DIR): every utterance without audio is spoken (its "spoken"
form when it has one, else its text) and the clip is stored in the project,
linked to the utterance, with a system label recorded on both (default
<engine>:<voice>+<variant>[@knobs][~augmentation], e.g. espeak:hi+f3~telephone;
--system overrides it) and a "synthesize" job holding the options, seed and each
clip's details. An utterance keeps one clip: one whose audio already comes from
this system is skipped (so a re-run resumes), one with audio from another system
is left alone and counted. With --in, the rows (the corpus import's JSONL shape:
id, lang, text, optional spoken…) are imported into the project first, as
\`charkha import corpus\` does, and only they are spoken. espeak-ng without --voice
speaks each utterance with its own language's voice. Each clip is written whole
(file first, then one transaction), so a killed run loses at most the clip in hand.`,
    )
    .addOption(
      new Option(
        '--engine <engine>',
        'TTS engine: espeak (built in), piper or mms (a model in $CHARKHA_MODELS; --voice is its id)',
      )
        .choices(['espeak', 'piper', 'mms'])
        .default('espeak'),
    )
    .option(
      '--voice <voice>',
      'espeak: a voice, e.g. hi, te, ta+f3 (default: each row\'s "voice" or "lang"); ' +
        'piper/mms: the model id, e.g. piper-hi-medium (see charkha models list)',
    )
    .option('--variant <variant>', 'voice variant (espeak !v/ file: f1…f5, m1…m8, klatt…)')
    .option(
      '--rate <wpm>',
      'speaking rate, words per minute (80–450; default 175)',
      intArg('--rate'),
    )
    .option('--pitch <n>', 'base pitch 0–99 (default 50)', intArg('--pitch'))
    .option('--range <n>', 'pitch range 0–99 (default 50)', intArg('--range'))
    .option(
      '--in <rows.jsonl>',
      'rows to speak: {"id", "spoken" or "text", optional "voice"/"lang"}; with -p, corpus rows to import first',
    )
    .option('--out <dir>', 'folder for <id>.wav files and manifest.jsonl')
    .option('-p, --project <dir>', "speak the project's utterances that have no audio into it")
    .option(
      '--system <name>',
      'with -p: the system label to record (default from engine and voice)',
    )
    .option('--lang <code>', 'with -p: only utterances in this language')
    .option(
      '--augment <chain>',
      `augmentation: a preset (${Object.keys(AUGMENT_PRESETS).join(', ')}) or JSON, e.g. '[{"kind":"noise","snrDb":15,"noise":"pink"},{"kind":"telephone"}]'`,
    )
    .option(
      '--seed <n>',
      'augmentation seed (per row it is mixed with the row id)',
      intArg('--seed'),
      1,
    )
    .option(
      '--sample-rate <hz>',
      'resample the output (after augmentation; espeak-ng speaks at 22050 Hz, models at their own rate)',
      intArg('--sample-rate'),
    )
    .option(
      '--loudness <dBFS>',
      'normalise active-speech level to this many dBFS, peaks limited at -1 dBFS (after augmentation)',
      intArg('--loudness'),
    )
    .option(
      '--list-voices',
      'list the voices of the engine (espeak-ng build or installed models) and exit',
    )
    .option('--json', 'print one JSON object')
    .action(async (o: SynthesizeFlags) => {
      if (o.project !== undefined && !o.listVoices) {
        await synthesizeIntoProject(o, o.project, buildChain(o), chainLabel(o));
        return;
      }
      if (o.engine === 'piper' || o.engine === 'mms') {
        await synthesizeWithModel(o, o.engine);
        return;
      }
      const pool = new WorkerPool({ size: availableParallelism() });
      try {
        if (o.listVoices) {
          const voices = await new EspeakEngine(pool).voices();
          voices.sort((a, b) => Number(b.indic) - Number(a.indic) || a.id.localeCompare(b.id));
          if (o.json) printJson({ engine: 'espeak', voices });
          else
            for (const v of voices)
              printLine(`${v.id.padEnd(16)} ${v.name}${v.indic ? ` (${v.script})` : ''}`);
          return;
        }
        const { inFile, outDir, rows, chain, label, bar, started } = startJob(o);
        const entries = await synthesizeBatch(pool, rows, {
          voice: o.voice,
          variant: o.variant,
          rate: o.rate,
          pitch: o.pitch,
          range: o.range,
          chain,
          chainLabel: label,
          seed: o.seed,
          outDir,
          source: inFile,
          onProgress: (p) =>
            bar.update({ done: p.done, total: p.total ?? null, message: p.message }),
        });
        bar.stop();
        report(o, outDir, entries, started);
      } finally {
        await pool.close();
      }
    });
}

/** Piper / MMS-TTS: the model engines, one row after another through the inference worker. */
async function synthesizeWithModel(o: SynthesizeFlags, engineId: 'piper' | 'mms'): Promise<void> {
  const engine = engineId === 'piper' ? new PiperEngine() : new MmsTtsEngine();
  try {
    if (o.listVoices) {
      const voices = await engine.voices();
      if (o.json) printJson({ engine: engineId, voices });
      else for (const v of voices) printLine(`${v.id.padEnd(24)} ${v.name} (${v.language})`);
      return;
    }
    const { inFile, outDir, rows, chain, label, bar, started } = startJob(o);
    const entries = await synthesizeSequential(engine, engineId, rows, {
      voice: o.voice,
      chain,
      chainLabel: label,
      seed: o.seed,
      outDir,
      source: inFile,
      onProgress: (p) => bar.update({ done: p.done, total: p.total ?? null, message: p.message }),
    });
    bar.stop();
    report(o, outDir, entries, started);
  } finally {
    await engine.close();
  }
}

/** The preset's name when --augment names one (recorded beside the chain). */
function chainLabel(o: SynthesizeFlags): string | null {
  return o.augment && o.augment.trim() in AUGMENT_PRESETS ? o.augment.trim() : null;
}

/** What every engine's run needs from the flags: the rows, the augmentation chain, a progress bar. */
function startJob(o: SynthesizeFlags) {
  if (!o.in || !o.out) {
    throw new UserError(
      'bad_input',
      'give --in rows.jsonl and --out dir, or -p project-dir',
      'see charkha synthesize --help',
    );
  }
  const chain = buildChain(o);
  return {
    inFile: o.in,
    outDir: o.out,
    rows: readSynthesisRows(o.in),
    chain,
    label: chainLabel(o),
    bar: progressBar('synthesize', Boolean(o.json)),
    started: Date.now(),
  };
}
