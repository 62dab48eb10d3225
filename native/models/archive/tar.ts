/**
 * A small streaming tar reader (ustar, GNU long names, pax paths and sizes),
 * enough to unpack model archives without holding them in memory. Regular
 * files and folders only: links and devices are refused, since a model
 * archive has no business containing them.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createGunzip } from 'node:zlib';
import { UserError } from '../../contract/errors.js';
import { isRootEntry, safeEntryPath } from './safe-path.js';

const BLOCK = 512;

function cstring(buf: Buffer, start: number, len: number): string {
  const end = buf.indexOf(0, start);
  return buf.toString('utf8', start, end >= 0 && end < start + len ? end : start + len);
}

function octal(buf: Buffer, start: number, len: number): number {
  // GNU base-256 for sizes past 8 GiB: high bit of the first byte set.
  if (buf[start] & 0x80) {
    let n = 0;
    for (let i = start + 1; i < start + len; i++) n = n * 256 + buf[i];
    return n;
  }
  const s = cstring(buf, start, len).trim();
  return s === '' ? 0 : parseInt(s, 8);
}

function paxRecords(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space < 0) break;
    const len = parseInt(data.toString('utf8', at, space), 10);
    if (!(len > 0)) break;
    const rec = data.toString('utf8', space + 1, at + len - 1);
    const eq = rec.indexOf('=');
    if (eq > 0) out[rec.slice(0, eq)] = rec.slice(eq + 1);
    at += len;
  }
  return out;
}

/** Unpacks `archive` (.tar, .tar.gz, .tgz) into `dest`; returns the files written (relative). */
export async function extractTar(archive: string, dest: string): Promise<string[]> {
  const gz = /\.(tgz|tar\.gz)$/i.test(archive);
  const input = gz ? createReadStream(archive).pipe(createGunzip()) : createReadStream(archive);
  const written: string[] = [];
  let pending: Buffer = Buffer.alloc(0);
  let longName: string | undefined;
  let pax: Record<string, string> = {};
  const bad = (why: string): never => {
    throw new UserError('bad_input', `archive ${archive} is not a valid tar file: ${why}`);
  };

  // State: reading a header, or `remaining` bytes of an entry's data (then padding).
  let remaining = 0;
  let padding = 0;
  let sink: ((chunk: Buffer) => Promise<void>) | undefined;
  let finish: (() => Promise<void>) | undefined;
  let meta: Buffer[] | undefined; // data of a long-name or pax entry
  let metaKind = '';
  let ended = false;

  const startEntry = async (header: Buffer): Promise<void> => {
    const sum = header.reduce((s, b, i) => s + (i >= 148 && i < 156 ? 32 : b), 0);
    if (sum !== octal(header, 148, 8)) bad('header checksum mismatch');
    const type = String.fromCharCode(header[156] || 48);
    const size = pax.size !== undefined ? Number(pax.size) : octal(header, 124, 12);
    const prefix = header.toString('latin1', 257, 262) === 'ustar' ? cstring(header, 345, 155) : '';
    const base = cstring(header, 0, 100);
    const name = pax.path ?? longName ?? (prefix ? `${prefix}/${base}` : base);
    remaining = size;
    padding = (BLOCK - (size % BLOCK)) % BLOCK;
    if (type === 'L' || type === 'x' || type === 'g') {
      meta = [];
      metaKind = type;
      return;
    }
    longName = undefined;
    pax = {};
    if (type === '5') {
      if (isRootEntry(name)) return;
      await mkdir(safeEntryPath(dest, name, archive), { recursive: true });
      return;
    }
    if (type !== '0' && type !== '7') {
      throw new UserError(
        'bad_input',
        `archive ${archive}: entry "${name}" is a link or special file; model archives may hold only files`,
      );
    }
    const out = safeEntryPath(dest, name, archive);
    await mkdir(dirname(out), { recursive: true });
    const ws = createWriteStream(out);
    const done = new Promise<void>((res, rej) => {
      ws.on('finish', res);
      ws.on('error', rej);
    });
    written.push(name.replace(/^\.?\/+/, ''));
    sink = (chunk) =>
      new Promise<void>((res) => {
        if (ws.write(chunk)) res();
        else ws.once('drain', res);
      });
    finish = async () => {
      ws.end();
      await done;
    };
    if (size === 0) {
      await finish();
      sink = finish = undefined;
    }
  };

  const endMeta = (): void => {
    const data = Buffer.concat(meta ?? []);
    if (metaKind === 'L') longName = cstring(data, 0, data.length);
    else if (metaKind === 'x') pax = paxRecords(data);
    meta = undefined;
  };

  for await (const chunk of input as AsyncIterable<Buffer>) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (ended) break;
      if (remaining > 0) {
        if (pending.length === 0) break;
        const take = Math.min(remaining, pending.length);
        const part = pending.subarray(0, take);
        pending = pending.subarray(take);
        remaining -= take;
        if (meta) meta.push(Buffer.from(part));
        else if (sink) await sink(Buffer.from(part));
        if (remaining === 0) {
          if (meta) endMeta();
          else if (finish) await finish();
          sink = finish = undefined;
        }
        continue;
      }
      if (padding > 0) {
        if (pending.length === 0) break;
        const take = Math.min(padding, pending.length);
        pending = pending.subarray(take);
        padding -= take;
        continue;
      }
      if (pending.length < BLOCK) break;
      const header = pending.subarray(0, BLOCK);
      pending = pending.subarray(BLOCK);
      if (header.every((b) => b === 0)) {
        ended = true;
        break;
      }
      await startEntry(Buffer.from(header));
    }
  }
  if (remaining > 0 || (!ended && pending.length > 0)) bad('it ends in the middle of an entry');
  return written;
}
