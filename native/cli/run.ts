/**
 * The root of the command tree and the way a tree is run, without any
 * command: both the full tree (main.ts) and the one-command tree that the
 * executable builds for speed (lazy.ts) are made and run through here, so
 * they behave alike.
 */
import { Command, CommanderError } from 'commander';
import { packageVersion } from '../package-root.js';
import { EXIT_OK, EXIT_USER, reportError } from './output.js';

/** `charkha` with its description, version and help settings, and no commands yet. */
export function rootProgram(): Command {
  return new Command('charkha')
    .description('Charkha: an offline studio for Indic speech and translation work')
    .version(packageVersion())
    .showSuggestionAfterError()
    .configureHelp({ sortSubcommands: true });
}

function exitOverrideAll(cmd: Command): void {
  cmd.exitOverride();
  for (const sub of cmd.commands) exitOverrideAll(sub);
}

/** Runs `program` on `argv` and returns the exit code: 0 success, 1 user error, 2 internal error. */
export async function runProgram(program: Command, argv: string[]): Promise<number> {
  exitOverrideAll(program);
  const json = argv.includes('--json');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not errors; everything else commander rejects is a usage error.
      return e.exitCode === 0 ? EXIT_OK : EXIT_USER;
    }
    return reportError(e, json);
  }
}
