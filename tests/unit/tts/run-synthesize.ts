import { synthesizeCommand } from '../../../native/cli/commands/synthesize.js';

/** Runs `charkha synthesize` in this process and returns what it printed. */
export async function runSynthesize(args: string[]): Promise<string> {
  const out: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => {
    out.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    await synthesizeCommand().exitOverride().parseAsync(args, { from: 'user' });
  } finally {
    process.stdout.write = write;
  }
  return out.join('');
}
