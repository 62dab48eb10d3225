import type { Command } from 'commander';
import { annotationsCommand } from './commands/annotations.js';
import { compareCommand, evalCommand } from './commands/eval.js';
import { configCommand } from './commands/config.js';
import { exportCommand } from './commands/export.js';
import { mergeCommand } from './commands/merge.js';
import { flywheelCommand } from './commands/flywheel.js';
import { importCommand } from './commands/import.js';
import { modelsCommand } from './commands/models.js';
import { mtScoreCommand } from './commands/mt-score.js';
import { projectCommand } from './commands/project.js';
import { scoreCommand } from './commands/score.js';
import { serveCommand } from './commands/serve.js';
import { synthesizeCommand } from './commands/synthesize.js';
import { generateCommand } from './commands/generate.js';
import { lexiconCommand } from './commands/lexicon.js';
import { overlapCommand } from './commands/overlap.js';
import { tagCommand } from './commands/tag.js';
import { transcribeCommand } from './commands/transcribe.js';
import { translateCommand } from './commands/translate.js';
import { rootProgram, runProgram } from './run.js';

/** The whole command tree; tests build it and run commands in-process. */
export function buildProgram(): Command {
  const program = rootProgram();
  program.addCommand(projectCommand());
  program.addCommand(importCommand());
  program.addCommand(exportCommand());
  program.addCommand(mergeCommand());
  program.addCommand(annotationsCommand());
  program.addCommand(serveCommand());
  program.addCommand(scoreCommand());
  program.addCommand(evalCommand());
  program.addCommand(compareCommand());
  program.addCommand(synthesizeCommand());
  program.addCommand(modelsCommand());
  program.addCommand(generateCommand());
  program.addCommand(lexiconCommand());
  program.addCommand(overlapCommand());
  program.addCommand(tagCommand());
  program.addCommand(transcribeCommand());
  program.addCommand(flywheelCommand());
  program.addCommand(mtScoreCommand());
  program.addCommand(translateCommand());
  program.addCommand(configCommand());
  return program;
}

/** Runs the CLI and returns the exit code: 0 success, 1 user error, 2 internal error. */
export async function runCli(argv: string[]): Promise<number> {
  return runProgram(buildProgram(), argv);
}
