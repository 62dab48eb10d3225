/**
 * Downloading one file, resumably: bytes go to `<file>.part`; a later try (or
 * a retry after the connection drops) asks for the rest with an HTTP Range
 * request and appends; a server that ignores Range sends the whole file
 * again, which restarts the part. The finished file is checked against its
 * sha256 when one is known, then renamed into place. Nothing calls this
 * except an explicit `charkha models download`.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CancelledError, UserError } from '../contract/errors.js';
import { sha256File } from './hash.js';

export interface DownloadProgress {
  /** Bytes on disk so far (including those of an earlier, interrupted try). */
  done: number;
  total?: number;
}

export interface DownloadOptions {
  size?: number | null;
  sha256?: string | null;
  signal?: AbortSignal;
  onProgress?: (p: DownloadProgress) => void;
  /** Tries after a dropped connection, each resuming where the last stopped. Default 5. */
  retries?: number;
  /** Pause before each retry, ms (default 1000; tests use 0). */
  retryDelayMs?: number;
}

export interface Downloaded {
  path: string;
  size: number;
  sha256: string;
  /** How many requests it took (1 when nothing went wrong). */
  attempts: number;
}

const sizeOf = async (p: string): Promise<number> => (await stat(p).catch(() => undefined))?.size ?? 0;

export async function downloadFile(url: string, dest: string, opts: DownloadOptions = {}): Promise<Downloaded> {
  const part = `${dest}.part`;
  await mkdir(dirname(dest), { recursive: true });
  const retries = opts.retries ?? 5;
  let attempts = 0;
  for (;;) {
    attempts++;
    try {
      await fetchInto(url, part, opts);
      break;
    } catch (e) {
      if (e instanceof UserError || opts.signal?.aborted || attempts > retries) {
        if (opts.signal?.aborted) throw new CancelledError(`download of ${url}`);
        if (e instanceof UserError) throw e;
        throw new UserError(
          'not_found',
          `download of ${url} failed after ${attempts} tries: ${e instanceof Error ? e.message : String(e)}`,
          'try again: the download resumes where it stopped',
        );
      }
      await new Promise((r) => setTimeout(r, opts.retryDelayMs ?? 1000));
    }
  }
  const size = await sizeOf(part);
  if (opts.size != null && size !== opts.size) {
    await rm(part, { force: true });
    throw new UserError('model_invalid', `${url}: got ${size} bytes, expected ${opts.size}; removed`);
  }
  const sha = await sha256File(part);
  if (opts.sha256 && sha !== opts.sha256) {
    await rm(part, { force: true });
    throw new UserError(
      'model_invalid',
      `${url}: sha256 is ${sha}, expected ${opts.sha256}; the download was removed`,
      'try again; if it happens again the file on the server has changed',
    );
  }
  await rename(part, dest);
  return { path: dest, size, sha256: sha, attempts };
}

async function fetchInto(url: string, part: string, opts: DownloadOptions): Promise<void> {
  const have = await sizeOf(part);
  if (opts.size != null && have === opts.size && have > 0) return;
  const headers: Record<string, string> = {};
  if (have > 0) headers.Range = `bytes=${have}-`;
  const res = await fetch(url, { headers, signal: opts.signal, redirect: 'follow' });
  if (res.status === 416 && have > 0) return; // already complete
  if (res.status === 404 || res.status === 401 || res.status === 403) {
    throw new UserError('not_found', `${url}: HTTP ${res.status}`);
  }
  if (res.status !== 200 && res.status !== 206) throw new Error(`HTTP ${res.status}`);
  const append = res.status === 206;
  if (append) {
    // A 206 from another offset than asked would splice the file wrongly: start it over.
    const from = /^bytes (\d+)-/.exec(res.headers.get('content-range') ?? '');
    if (!from || Number(from[1]) !== have) {
      await res.body?.cancel();
      await rm(part, { force: true });
      throw new Error(`the server resumed at ${from?.[1] ?? '?'}, not at byte ${have}`);
    }
  }
  const length = Number(res.headers.get('content-length') ?? NaN);
  const total = Number.isFinite(length) ? (append ? have : 0) + length : (opts.size ?? undefined);
  let done = append ? have : 0;
  const out = createWriteStream(part, { flags: append ? 'a' : 'w' });
  const closed = new Promise<void>((res2, rej) => {
    out.on('close', res2);
    out.on('error', rej);
  });
  try {
    if (!res.body) throw new Error('empty response');
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      done += chunk.length;
      opts.onProgress?.({ done, total });
    }
  } finally {
    out.end();
    await closed;
  }
  if (total !== undefined && done < total) throw new Error(`connection closed at ${done} of ${total} bytes`);
}
