/**
 * The executable's fast path. Importing every command's modules costs about
 * a second of CPU per process, paid again by every shard, merge and resume
 * of a scaled-out job; a run of one command needs only that command's. So
 * when the first argument names a command listed here, the tree holds that
 * command alone (the same definition main.ts registers, so its options,
 * help and errors are the same); anything else (top-level help, `help`, an
 * unknown or misspelt command that deserves a suggestion) gets the full tree.
 */
import type { Command } from 'commander';
import { rootProgram, runProgram } from './run.js';

type Loader = () => Promise<Command>;

/** Top-level command name → its definition, imported on demand. */
export const COMMAND_LOADERS: Readonly<Record<string, Loader>> = {
  annotations: async () => (await import('./commands/annotations.js')).annotationsCommand(),
  compare: async () => (await import('./commands/eval.js')).compareCommand(),
  config: async () => (await import('./commands/config.js')).configCommand(),
  eval: async () => (await import('./commands/eval.js')).evalCommand(),
  export: async () => (await import('./commands/export.js')).exportCommand(),
  flywheel: async () => (await import('./commands/flywheel.js')).flywheelCommand(),
  generate: async () => (await import('./commands/generate.js')).generateCommand(),
  import: async () => (await import('./commands/import.js')).importCommand(),
  lexicon: async () => (await import('./commands/lexicon.js')).lexiconCommand(),
  merge: async () => (await import('./commands/merge.js')).mergeCommand(),
  models: async () => (await import('./commands/models.js')).modelsCommand(),
  'mt-score': async () => (await import('./commands/mt-score.js')).mtScoreCommand(),
  overlap: async () => (await import('./commands/overlap.js')).overlapCommand(),
  project: async () => (await import('./commands/project.js')).projectCommand(),
  score: async () => (await import('./commands/score.js')).scoreCommand(),
  serve: async () => (await import('./commands/serve.js')).serveCommand(),
  synthesize: async () => (await import('./commands/synthesize.js')).synthesizeCommand(),
  tag: async () => (await import('./commands/tag.js')).tagCommand(),
  transcribe: async () => (await import('./commands/transcribe.js')).transcribeCommand(),
  translate: async () => (await import('./commands/translate.js')).translateCommand(),
};

/** Runs the CLI, loading only the command named by `argv[0]` where it can. */
export async function runCliLazily(argv: string[]): Promise<number> {
  const name = argv[0];
  const load = name !== undefined && Object.hasOwn(COMMAND_LOADERS, name) && COMMAND_LOADERS[name];
  if (!load) return (await import('./main.js')).runCli(argv);
  const program = rootProgram();
  program.addCommand(await load());
  return runProgram(program, argv);
}
