import { availableParallelism } from 'node:os';
import { Command, Option } from 'commander';
import { UserError } from '../../contract/errors.js';
import { synthesizeBatch } from '../../tts/batch.js';
import { EspeakEngine } from '../../tts/espeak/engine.js';
import { AUGMENT_PRESETS, parseChain } from '../../tts/post/chain.js';
import { readSynthesisRows } from '../../tts/rows.js';
import { WorkerPool } from '../../workers/pool.js';
import { printJson, printLine } from '../output.js';
import { progressBar } from '../progress.js';

interface SynthesizeFlags {
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
}

function intArg(name: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isFinite(n))
      throw new UserError('bad_input', `${name} must be a number, got "${v}"`);
    return n;
  };
}

/** `charkha synthesize`: text rows to WAV files with espeak-ng, optionally augmented. */
export function synthesizeCommand(): Command {
  return new Command('synthesize')
    .description(
      'speak JSONL rows (id + spoken or text) into one WAV per row plus manifest.jsonl; ' +
        'works on files (--in/--out) for now, projects (-p) come later',
    )
    .addOption(
      new Option('--engine <engine>', 'TTS engine (piper and mms arrive with the model registry)')
        .choices(['espeak', 'piper', 'mms'])
        .default('espeak'),
    )
    .option('--voice <voice>', 'voice, e.g. hi, te, ta+f3 (default: each row\'s "voice" or "lang")')
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
      'rows to speak: {"id", "spoken" or "text", optional "voice"/"lang"}',
    )
    .option('--out <dir>', 'folder for <id>.wav files and manifest.jsonl')
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
      'resample the output (after augmentation; espeak-ng speaks at 22050 Hz)',
      intArg('--sample-rate'),
    )
    .option(
      '--loudness <dBFS>',
      'normalise active-speech level to this many dBFS, peaks limited at -1 dBFS (after augmentation)',
      intArg('--loudness'),
    )
    .option('--list-voices', 'list the voices this espeak-ng build has and exit')
    .option('--json', 'print one JSON object')
    .action(async (o: SynthesizeFlags) => {
      if (o.engine !== 'espeak') {
        throw new UserError(
          'unsupported',
          `engine "${o.engine}" is not available yet: it arrives with the model registry`,
          'use --engine espeak',
        );
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
        if (!o.in || !o.out) {
          throw new UserError(
            'bad_input',
            'give --in rows.jsonl and --out dir',
            'see charkha synthesize --help',
          );
        }
        const rows = readSynthesisRows(o.in);
        const chain = parseChain([
          ...(o.augment ? parseChain(o.augment) : []),
          ...(o.loudness !== undefined ? [{ kind: 'loudness', targetDbfs: o.loudness }] : []),
          ...(o.sampleRate !== undefined ? [{ kind: 'resample', rate: o.sampleRate }] : []),
        ]);
        const label = o.augment && o.augment.trim() in AUGMENT_PRESETS ? o.augment.trim() : null;
        const bar = progressBar('synthesize', Boolean(o.json));
        const started = Date.now();
        const entries = await synthesizeBatch(pool, rows, {
          voice: o.voice,
          variant: o.variant,
          rate: o.rate,
          pitch: o.pitch,
          range: o.range,
          chain,
          chainLabel: label,
          seed: o.seed,
          outDir: o.out,
          source: o.in,
          onProgress: (p) =>
            bar.update({ done: p.done, total: p.total ?? null, message: p.message }),
        });
        bar.stop();
        const audio = entries.reduce((s, e) => s + e.duration, 0);
        const summary = {
          out: o.out,
          rows: entries.length,
          audio_seconds: Math.round(audio * 100) / 100,
          wall_seconds: Math.round((Date.now() - started) / 10) / 100,
          manifest: 'manifest.jsonl',
        };
        if (o.json) printJson(summary);
        else
          printLine(
            `wrote ${entries.length} WAV files (${summary.audio_seconds} s of audio) and manifest.jsonl to ${o.out}`,
          );
      } finally {
        await pool.close();
      }
    });
}
