import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_LOADERS } from '../../../native/cli/lazy.js';
import { buildProgram } from '../../../native/cli/main.js';
import { rootProgram } from '../../../native/cli/run.js';

/** Every command's help, depth first: names, arguments, options and descriptions. */
function helpTree(cmd: Command): string[] {
  return [cmd.helpInformation(), ...cmd.commands.flatMap(helpTree)];
}

describe('the executable loading one command', () => {
  it('registers the same command, with the same options, as the full tree', async () => {
    const full = new Map(buildProgram().commands.map((c) => [c.name(), c]));
    expect(Object.keys(COMMAND_LOADERS)).toContain('flywheel');
    expect(Object.keys(COMMAND_LOADERS)).toContain('merge');
    for (const [name, load] of Object.entries(COMMAND_LOADERS)) {
      const alone = rootProgram().addCommand(await load());
      const cmd = alone.commands[0];
      expect(cmd.name(), name).toBe(name);
      expect(full.has(name), name).toBe(true);
      expect(helpTree(cmd), name).toEqual(helpTree(full.get(name)!));
    }
  });
});
