import { SingleBar, Presets } from 'cli-progress';

export interface ProgressSink {
  update(p: { done: number; total: number | null; message?: string }): void;
  stop(): void;
}

/**
 * A progress bar on stderr when a person is watching (a TTY, no --json);
 * silent otherwise, so piped output and JSON stay clean.
 */
export function progressBar(label: string, quiet: boolean): ProgressSink {
  if (quiet || !process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} {message}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update: ({ done, total, message }) => {
      const t = total ?? Math.max(done, 1);
      if (!started) {
        bar.start(t, done, { message: message ?? '' });
        started = true;
      } else {
        bar.setTotal(t);
        bar.update(done, { message: (message ?? '').slice(-40) });
      }
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
