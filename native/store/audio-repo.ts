import type { AudioRecord } from '../contract/audio.js';
import type { Db } from './database.js';

export interface NewAudio {
  sha256: string;
  originalName: string;
  ext: string;
  container: string;
  codec: string;
  sampleRate: number;
  channels: number;
  frames: number;
  durationSec: number;
  bytes: number;
  system: string | null;
}

interface AudioRow {
  id: number;
  sha256: string;
  original_name: string;
  ext: string;
  container: string;
  codec: string;
  sample_rate: number;
  channels: number;
  frames: number;
  duration_sec: number;
  bytes: number;
  system: string | null;
  imported_at: string;
}

function toRecord(r: AudioRow): AudioRecord {
  return {
    id: r.id,
    sha256: r.sha256,
    originalName: r.original_name,
    container: r.container,
    codec: r.codec,
    sampleRate: r.sample_rate,
    channels: r.channels,
    frames: r.frames,
    durationSec: r.duration_sec,
    bytes: r.bytes,
    system: r.system,
    importedAt: r.imported_at,
  };
}

export class AudioRepo {
  private readonly insertStmt;
  private readonly bySha;
  private readonly byId;
  private readonly page;
  private readonly countStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO audio (sha256, original_name, ext, container, codec, sample_rate, channels, frames, duration_sec, bytes, system, imported_at)
       VALUES (@sha256, @originalName, @ext, @container, @codec, @sampleRate, @channels, @frames, @durationSec, @bytes, @system, @importedAt)`,
    );
    this.bySha = db.prepare<[string], AudioRow>('SELECT * FROM audio WHERE sha256 = ?');
    this.byId = db.prepare<[number], AudioRow>('SELECT * FROM audio WHERE id = ?');
    this.page = db.prepare<[number, number], AudioRow>(
      'SELECT * FROM audio ORDER BY id LIMIT ? OFFSET ?',
    );
    this.countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audio');
  }

  insert(a: NewAudio): number {
    const info = this.insertStmt.run({ ...a, importedAt: new Date().toISOString() });
    return Number(info.lastInsertRowid);
  }

  findBySha(sha: string): (AudioRecord & { ext: string }) | null {
    const r = this.bySha.get(sha);
    return r ? { ...toRecord(r), ext: r.ext } : null;
  }

  get(id: number): (AudioRecord & { ext: string }) | null {
    const r = this.byId.get(id);
    return r ? { ...toRecord(r), ext: r.ext } : null;
  }

  list(offset: number, limit: number): AudioRecord[] {
    return this.page.all(limit, offset).map(toRecord);
  }

  count(): number {
    return this.countStmt.get()!.n;
  }

  totalBytes(): number {
    return (
      this.db.prepare('SELECT coalesce(sum(bytes), 0) AS n FROM audio').get() as { n: number }
    ).n;
  }
}
