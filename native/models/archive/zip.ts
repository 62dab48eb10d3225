/**
 * A small zip reader: the central directory is read with random access, and
 * each entry (stored or deflated) is streamed to its file, so a multi-GB
 * archive is never held in memory. No ZIP64 (archives over 4 GiB) and no
 * encryption: those are refused with a message.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import { UserError } from '../../contract/errors.js';
import { isRootEntry, safeEntryPath } from './safe-path.js';

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
  externalAttrs: number;
}

async function readEntries(archive: string): Promise<ZipEntry[]> {
  const fh = await open(archive, 'r');
  try {
    const { size } = await fh.stat();
    const tail = Math.min(size, 65_557);
    const buf = Buffer.alloc(tail);
    await fh.read(buf, 0, tail, size - tail);
    const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) throw new UserError('bad_input', `archive ${archive} is not a zip file`);
    const count = buf.readUInt16LE(eocd + 10);
    const cdSize = buf.readUInt32LE(eocd + 12);
    const cdOffset = buf.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || count === 0xffff) {
      throw new UserError('unsupported', `archive ${archive} is a ZIP64 archive; unpack it and import the folder`);
    }
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (cd.readUInt32LE(at) !== 0x02014b50)
        throw new UserError('bad_input', `archive ${archive}: damaged central directory`);
      const nameLen = cd.readUInt16LE(at + 28);
      const extraLen = cd.readUInt16LE(at + 30);
      const commentLen = cd.readUInt16LE(at + 32);
      entries.push({
        flags: cd.readUInt16LE(at + 8),
        method: cd.readUInt16LE(at + 10),
        compressedSize: cd.readUInt32LE(at + 20),
        externalAttrs: cd.readUInt32LE(at + 38),
        localOffset: cd.readUInt32LE(at + 42),
        name: cd.toString('utf8', at + 46, at + 46 + nameLen),
      });
      at += 46 + nameLen + extraLen + commentLen;
    }
    return entries;
  } finally {
    await fh.close();
  }
}

/** Unpacks a .zip into `dest`; returns the files written (relative). */
export async function extractZip(archive: string, dest: string): Promise<string[]> {
  const entries = (await readEntries(archive)).filter((e) => !isRootEntry(e.name));
  // Check every name before writing anything.
  const targets = entries.map((e) => safeEntryPath(dest, e.name, archive));
  const written: string[] = [];
  const fh = await open(archive, 'r');
  try {
    for (const [i, e] of entries.entries()) {
      const out = targets[i];
      if (e.name.endsWith('/')) {
        await mkdir(out, { recursive: true });
        continue;
      }
      // Unix mode in the high 16 bits: 0o120000 is a symlink.
      if (((e.externalAttrs >>> 16) & 0o170000) === 0o120000) {
        throw new UserError('bad_input', `archive ${archive}: entry "${e.name}" is a link; refused`);
      }
      if (e.flags & 1) throw new UserError('unsupported', `archive ${archive}: "${e.name}" is encrypted`);
      if (e.method !== 0 && e.method !== 8) {
        throw new UserError('unsupported', `archive ${archive}: "${e.name}" uses compression method ${e.method}`);
      }
      const local = Buffer.alloc(30);
      await fh.read(local, 0, 30, e.localOffset);
      if (local.readUInt32LE(0) !== 0x04034b50)
        throw new UserError('bad_input', `archive ${archive}: damaged entry "${e.name}"`);
      const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      await mkdir(dirname(out), { recursive: true });
      const src =
        e.compressedSize === 0
          ? []
          : createReadStream(archive, { start, end: start + e.compressedSize - 1 });
      if (e.method === 8 && e.compressedSize > 0)
        await pipeline(src, createInflateRaw(), createWriteStream(out));
      else await pipeline(src, createWriteStream(out));
      written.push(e.name);
    }
  } finally {
    await fh.close();
  }
  return written;
}
