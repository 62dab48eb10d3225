import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Command, Option } from 'commander';
import { toSrt, toWebVtt } from '../../asr/subtitles.js';
import { UserError } from '../../contract/errors.js';
import { expandAudioInputs } from '../../service/import-audio.js';
import {
  transcribeFiles,
  transcribeIntoProject,
  type FileTranscript,
  type ProjectTranscribeResult,
  type TranscribeResult,
} from '../../service/transcribe.js';
import { printJson, printLine } from '../output.js';
import { progressBar } from '../progress.js';
import { withProject } from '../project-option.js';

interface Opts {
  model: string;
  lang: string;
  project?: string;
  json?: boolean;
  vtt?: string;
  srt?: string;
  vad: 'auto' | 'energy';
  maxChunk?: string;
  name?: string;
  testSet?: string;
  system?: string;
  profile: 'exact' | 'standard' | 'loose';
  /** commander's `--no-script-constraint`: false when given, else undefined (the engine's default). */
  scriptConstraint?: boolean;
}

const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(3));

/** Folders named on the command line are searched for audio; files are kept as given (a missing one is reported and skipped). */
function inputsOf(paths: string[]): string[] {
  return paths.flatMap((p) => {
    try {
      return statSync(p).isDirectory() ? expandAudioInputs([p]) : [p];
    } catch {
      return [p];
    }
  });
}

/**
 * `--vtt`/`--srt` name a file when one recording is transcribed, and a
 * folder (one file per recording, named after it) when several are, or when
 * the path is an existing folder.
 */
function subtitleWriter(out: string | undefined, ext: '.vtt' | '.srt', many: boolean) {
  if (!out) return () => {};
  let folder = many;
  try {
    folder ||= statSync(out).isDirectory();
  } catch {
    // Not there yet: a file unless several recordings need a folder.
  }
  if (folder) mkdirSync(out, { recursive: true });
  const write = ext === '.vtt' ? toWebVtt : toSrt;
  return (t: FileTranscript) => {
    const target = folder ? join(out, `${basename(t.path, extname(t.path))}${ext}`) : out;
    writeFileSync(target, write(t.segments));
  };
}

function printReadable(t: FileTranscript): void {
  printLine(`${t.path} (${t.duration.toFixed(1)} s)`);
  printLine(t.text || '(no speech found)');
  printLine();
}

export function transcribeCommand(): Command {
  return new Command('transcribe')
    .description(
      'transcribe audio files of any length with an ASR model (cut at pauses); with -p, store the hypotheses as a scored run',
    )
    .requiredOption('--model <id>', 'the ASR model id (see `charkha models list`)')
    .requiredOption('--lang <code>', 'language of the speech (hi, te, ta, …)')
    .argument(
      '[audio...]',
      'audio files or folders (WAV, FLAC, MP3, Ogg); with -p and none given, the project audio utterances are linked to',
    )
    .option(
      '-p, --project <dir>',
      'import the audio into this project and store the transcripts as a run scored against its references',
    )
    .option('--json', 'print one JSON line per input file: {path, text, words, segments, duration}')
    .option('--vtt <path>', 'write WebVTT subtitles (a folder when there are several files)')
    .option('--srt <path>', 'write SRT subtitles (a folder when there are several files)')
    .addOption(
      new Option('--vad <kind>', 'pause finder: a silero-vad model when installed, else energy')
        .choices(['auto', 'energy'])
        .default('auto'),
    )
    .option(
      '--no-script-constraint',
      'Whisper: let the model write letters of any script (by default Indic languages are held to their own script, Latin, digits and punctuation)',
    )
    .option(
      '--max-chunk <seconds>',
      "longest chunk sent to the model (default and cap: the model's, ≤ 30)",
    )
    .option('--name <name>', 'with -p: the run\'s name (default "<model> on <test set>")')
    .option('--test-set <name>', 'with -p: the test set name recorded with the run')
    .option('--system <name>', 'with -p: the synthesis system of the audio, if any')
    .addOption(
      new Option('--profile <profile>', 'with -p: normalisation profile for scoring')
        .choices(['exact', 'standard', 'loose'])
        .default('standard'),
    )
    .action(async (audio: string[], o: Opts) => {
      if (o.vtt && o.srt) throw new UserError('bad_input', 'give --vtt or --srt, not both');
      if (!o.project && audio.length === 0)
        throw new UserError('bad_input', 'name at least one audio file (or a project with -p)');
      const maxChunkSeconds = o.maxChunk === undefined ? undefined : Number(o.maxChunk);
      if (maxChunkSeconds !== undefined && !(maxChunkSeconds >= 1))
        throw new UserError('bad_input', `--max-chunk ${o.maxChunk}: give a number of seconds ≥ 1`);
      const inputs = inputsOf(audio);
      const many = inputs.length !== 1;
      const writeSubtitles = o.vtt
        ? subtitleWriter(o.vtt, '.vtt', many)
        : subtitleWriter(o.srt, '.srt', many);
      const bar = progressBar('files', Boolean(o.json));
      const common = {
        model: o.model,
        language: o.lang,
        vad: o.vad,
        maxChunkSeconds,
        ...(o.scriptConstraint === false ? { scriptConstrained: false } : {}),
        onProgress: (p: { done: number; total: number; message: string }) => bar.update(p),
        onFile: (t: FileTranscript) => {
          writeSubtitles(t);
          if (o.json) printJson(t);
          else printReadable(t);
        },
      };
      let r: TranscribeResult;
      let stored: ProjectTranscribeResult | null = null;
      try {
        r = o.project
          ? (stored = await withProject(o.project, {}, (p, signal) =>
              transcribeIntoProject(p, inputs, {
                ...common,
                signal,
                name: o.name,
                testSet: o.testSet ?? null,
                system: o.system ?? null,
                profile: o.profile,
              }),
            ))
          : await transcribeFiles(inputs, common);
      } finally {
        bar.stop();
      }
      for (const f of r.failed) {
        if (o.json) printJson({ path: f.path, error: f.reason });
        else printLine(`skipped ${f.path}: ${f.reason}`);
      }
      if (stored) reportRun(stored, Boolean(o.json));
      // As with `import audio`: the good files are done, but a script must notice the rest.
      if (r.failed.length > 0) process.exitCode = 1;
    });
}

function reportRun(r: ProjectTranscribeResult, json: boolean): void {
  const run = r.run;
  if (json) {
    printJson({
      run: run && {
        id: run.runId,
        name: run.name,
        utterances: run.utterances,
        wer: run.report.wer,
        cer: run.report.cer,
        ehr: run.report.ehr.micro,
      },
    });
    return;
  }
  if (!run) {
    printLine(
      'no utterance in the project is linked to this audio: transcripts not stored as a run',
    );
    return;
  }
  printLine(
    `stored run ${run.runId} "${run.name}": ${run.utterances} utterances, WER ${fmt(run.report.wer)}  CER ${fmt(run.report.cer)}  EHR ${fmt(run.report.ehr.micro)}`,
  );
}
