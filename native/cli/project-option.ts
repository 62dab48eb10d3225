import { Option } from 'commander';
import { Project } from '../store/project.js';

export function projectOption(): Option {
  return new Option('-p, --project <dir>', 'the project folder').makeOptionMandatory();
}

/**
 * Opens the project for the duration of `fn` and always closes it
 * (checkpointing the WAL, releasing the lock). Ctrl-C asks the running work
 * to stop at its next safe point through `signal`; a second Ctrl-C exits.
 */
export async function withProject<T>(
  dir: string,
  opts: { readonly?: boolean },
  fn: (p: Project, signal: AbortSignal) => Promise<T> | T,
): Promise<T> {
  const project = Project.open(dir, opts);
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\ncharkha: stopping after the current item (Ctrl-C again to quit now)\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    return await fn(project, controller.signal);
  } finally {
    process.off('SIGINT', onSigint);
    project.close();
  }
}
