import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWav, encodeWav } from '../../../native/audio/wav.js';
import { decodePeaks } from '../../../native/audio/peaks.js';
import {
  monoCachePath,
  peaksCachePath,
  storedAudioPath,
} from '../../../native/service/audio-prepare.js';
import { importAudio } from '../../../native/service/import-audio.js';
import { Project } from '../../../native/store/project.js';
import { tempDir } from '../../helpers/temp.js';

function tone(rate: number, seconds: number, hz: number): Float32Array {
  return new Float32Array(Math.round(rate * seconds)).map(
    (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / rate),
  );
}

describe('audio import', () => {
  it('stores files content-addressed with a 16 kHz mono copy and peaks; re-import is a no-op', async () => {
    const dir = tempDir();
    const p = Project.init(join(dir, 'p'));
    const stereo = join(dir, 'stereo48k.wav');
    writeFileSync(
      stereo,
      encodeWav([tone(48000, 1.5, 440), tone(48000, 1.5, 440)], 48000, { bitsPerSample: 24 }),
    );
    const r1 = await importAudio(p, [dir]);
    expect(r1.imported).toHaveLength(1);
    const a = p.audio.get(r1.imported[0].audioId)!;
    expect(a).toMatchObject({ sampleRate: 48000, channels: 2, frames: 72000, container: 'wav' });
    expect(a.durationSec).toBeCloseTo(1.5, 6);
    expect(existsSync(storedAudioPath(p.paths.audio, a.sha256, '.wav'))).toBe(true);
    const mono = decodeWav(new Uint8Array(readFileSync(monoCachePath(p.paths.cache, a.sha256))));
    expect(mono.sampleRate).toBe(16000);
    expect(mono.channels).toHaveLength(1);
    expect(mono.channels[0].length).toBe(24000);
    const peaks = decodePeaks(
      new Uint8Array(readFileSync(peaksCachePath(p.paths.cache, a.sha256))),
    );
    expect(peaks.sampleRate).toBe(16000);

    const r2 = await importAudio(p, [stereo]);
    expect(r2.imported).toHaveLength(0);
    expect(r2.existing).toHaveLength(1);
    expect(p.audio.count()).toBe(1);
    p.close();
  });

  it('reports a corrupt or truncated file by name, skips it and lands the rest', async () => {
    const dir = tempDir();
    const p = Project.init(join(dir, 'p'));
    writeFileSync(join(dir, 'good.wav'), encodeWav([tone(16000, 0.5, 300)], 16000));
    const full = encodeWav([tone(16000, 1, 300)], 16000);
    writeFileSync(join(dir, 'truncated.wav'), full.subarray(0, full.length / 2));
    writeFileSync(
      join(dir, 'garbage.wav'),
      Buffer.from('this is not audio at all, just some text pretending'),
    );
    const r = await importAudio(p, [dir]);
    expect(r.imported.map((x) => x.path.split('/').pop())).toEqual(['good.wav']);
    expect(r.failed.map((x) => x.path.split('/').pop()).sort()).toEqual([
      'garbage.wav',
      'truncated.wav',
    ]);
    for (const f of r.failed) expect(f.reason).toContain(f.path.split('/').pop());
    expect(p.audio.count()).toBe(1);
    p.close();
  });
});
