import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../native/cli/main.js';
import type { UserError } from '../../../native/contract/errors.js';
import {
  exportAnnotations,
  importAnnotationBytes,
  importAnnotations,
  renderAnnotations,
} from '../../../native/interchange/annotation-project.js';
import { Project } from '../../../native/store/project.js';
import { tempDir } from '../../helpers/temp.js';

afterEach(() => {
  process.exitCode = undefined;
});

/** Runs the CLI in this process (a child process per command is slow on a busy machine). */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((c) => (out.push(String(c)), true));
  const e = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((c) => (err.push(String(c)), true));
  try {
    const code = await runCli(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

function projectWithAudio(dir: string, name = 'market.wav'): { p: Project; audioId: number } {
  const p = Project.init(dir);
  const audioId = p.audio.insert({
    sha256: 'b'.repeat(64),
    originalName: name,
    ext: 'wav',
    container: 'wav',
    codec: 'pcm_s16le',
    sampleRate: 16000,
    channels: 1,
    frames: 16000 * 12,
    durationSec: 12,
    bytes: 384044,
    system: null,
  });
  return { p, audioId };
}

/** Four tiers that exercise every part: Indic text with quotes, exact milliseconds, a child tier, a vocabulary, a participant. */
function annotate(p: Project, audioId: number): void {
  const a = p.annotations;
  const tr = a.createTier(audioId, { name: 'transcript', kind: 'transcript', participant: 'Ravi' });
  const en = a.createTier(audioId, { name: 'translation', kind: 'translation', parentId: tr.id });
  const noise = a.createTier(audioId, {
    name: 'noise',
    kind: 'user',
    vocabulary: ['laugh', 'cough'],
  });
  const sp = a.createTier(audioId, { name: 'speaker', kind: 'speaker' });
  const segs: [number, number, string][] = [
    [0.123, 1.001, 'ఐదు లక్షల రూపాయలు'],
    [1.001, 2.999, 'అతను "సరే" అన్నాడు'],
    [4.5, 7.777, 'పాँच & <b>'],
    [10.01, 11.999, 'ఒకటి, రెండు'],
  ];
  for (const [start, end, text] of segs) {
    a.addSegment(tr.id, { start, end, text }, 'ravi');
    a.addSegment(en.id, { start, end, text: `en: ${text.length}` }, 'ravi');
  }
  a.addSegment(noise.id, { start: 3.2, end: 3.4, text: 'laugh' }, 'ravi');
  a.addSegment(sp.id, { start: 0, end: 12, text: 'Ravi' }, 'ravi');
}

function view(p: Project, audioId: number) {
  return p.annotations.listTiers(audioId).map((t) => ({
    name: t.name,
    segments: p.annotations.listSegments(t.id).map((s) => [s.start, s.end, s.text]),
  }));
}

describe('annotation round trips through a fresh project', () => {
  it('EAF keeps tiers, kinds, parents, vocabularies, participants, times to the millisecond and texts', () => {
    const dir = tempDir();
    const { p, audioId } = projectWithAudio(join(dir, 'a'));
    annotate(p, audioId);
    const out = join(dir, 'market.eaf');
    const r = exportAnnotations(p, out, { format: 'eaf' });
    expect(r.tiers.map((t) => t.segments)).toEqual([4, 4, 1, 1]);
    const before = view(p, audioId);
    p.close();

    const { p: q, audioId: bId } = projectWithAudio(join(dir, 'b'));
    // No --audio: the EAF's media descriptor names market.wav.
    const imported = importAnnotations(q, out, { author: 'sita' });
    expect(imported.audioId).toBe(bId);
    expect(view(q, bId)).toEqual(before);
    const tiers = q.annotations.listTiers(bId);
    expect(tiers.map((t) => [t.kind, t.participant])).toEqual([
      ['transcript', 'Ravi'],
      ['translation', null],
      ['user', null],
      ['speaker', null],
    ]);
    expect(tiers[1].parentId).toBe(tiers[0].id);
    expect(tiers[2].vocabulary).toEqual(['laugh', 'cough']);
    const first = q.annotations.listSegments(tiers[0].id)[0];
    expect(q.annotations.history(first.id)[0].author).toBe('sita');

    // A second import of the same tiers is refused, and the refusal changes nothing.
    const e = (() => {
      try {
        importAnnotations(q, out, {});
      } catch (x) {
        return x as UserError;
      }
      return null;
    })();
    expect(e?.code).toBe('conflict');
    expect(e?.message).toContain('tier "transcript"');
    expect(view(q, bId)).toEqual(before);
    importAnnotations(q, out, { replace: true });
    expect(view(q, bId)).toEqual(before);
    q.close();
  });

  it('TextGrid (UTF-8 and UTF-16, long and short) keeps tiers, times to the millisecond and texts', () => {
    const dir = tempDir();
    const { p, audioId } = projectWithAudio(join(dir, 'a'));
    annotate(p, audioId);
    const before = view(p, audioId);
    const files = [
      exportAnnotations(p, join(dir, 'a.TextGrid'), { format: 'textgrid' }).file,
      exportAnnotations(p, join(dir, 'b.TextGrid'), {
        format: 'textgrid',
        encoding: 'utf-16',
        layout: 'short',
      }).file,
    ];
    p.close();
    for (const [i, file] of files.entries()) {
      const { p: q, audioId: bId } = projectWithAudio(join(dir, `fresh${i}`));
      expect(() => importAnnotations(q, file, {})).toThrow(/does not say which recording/);
      importAnnotations(q, file, { audio: 'market.wav' });
      expect(view(q, bId)).toEqual(before);
      q.close();
    }
  });

  it('renders to bytes for a download and imports bytes from an upload', () => {
    const dir = tempDir();
    const { p, audioId } = projectWithAudio(join(dir, 'a'));
    annotate(p, audioId);
    const r = renderAnnotations(p, { format: 'vtt' });
    expect(r.fileName).toBe('market.vtt');
    expect(r.tiers).toEqual([{ name: 'transcript', segments: 4 }]);
    const { p: q, audioId: bId } = projectWithAudio(join(dir, 'b'));
    const imported = importAnnotationBytes(q, r.bytes, 'upload.vtt', { audio: String(bId) });
    expect(imported.file).toBe('upload.vtt');
    expect(view(q, bId)).toEqual(view(p, audioId).slice(0, 1));
    p.close();
    q.close();
  });

  it('a file that fails part-way leaves the project as it was', () => {
    const dir = tempDir();
    const { p, audioId } = projectWithAudio(join(dir, 'a'));
    const tg = join(dir, 'bad.TextGrid');
    const good = readFileSync(
      join(import.meta.dirname, '../../fixtures/annotations/long.TextGrid'),
      'utf8',
    );
    writeFileSync(tg, good.replace('mark = "" ', 'mark = " '));
    expect(() => importAnnotations(p, tg, { audio: String(audioId) })).toThrow(/bad\.TextGrid:42/);
    expect(p.annotations.listTiers(audioId)).toEqual([]);
    // A vocabulary-free tier from a file lands with a kind guessed from its name.
    importAnnotations(p, join(import.meta.dirname, '../../fixtures/annotations/long.TextGrid'), {
      audio: String(audioId),
    });
    expect(p.annotations.listTiers(audioId).map((t) => [t.name, t.kind])).toEqual([
      ['transcript', 'transcript'],
      ['events', 'user'],
    ]);
    p.close();
  });

  it('the CLI exports and imports annotations, naming the recording by file name', async () => {
    const dir = tempDir();
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const { p, audioId } = projectWithAudio(a);
    annotate(p, audioId);
    const before = view(p, audioId);
    p.close();
    projectWithAudio(b).p.close();

    const eaf = join(dir, 'out.eaf');
    const ex = await cli('export', 'annotations', '-p', a, '--format', 'eaf', eaf, '--json');
    expect(ex.code).toBe(0);
    expect(JSON.parse(ex.stdout).tiers).toHaveLength(4);
    const srt = join(dir, 'out.srt');
    expect((await cli('export', 'annotations', '-p', a, '--format', 'srt', srt)).code).toBe(0);
    expect(readFileSync(srt, 'utf8')).toContain('00:00:00,123 --> 00:00:01,001\nఐదు లక్షల రూపాయలు');
    const bad = await cli('export', 'annotations', '-p', a, '--format', 'docx', eaf);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--format: expected one of eaf/);

    expect((await cli('import', 'annotations', '-p', b, eaf)).code).toBe(0);
    const tg = join(dir, 'out.TextGrid');
    const tgExport = await cli(
      'export',
      'annotations',
      '-p',
      a,
      '--format',
      'textgrid',
      '--tiers',
      'noise,speaker',
      tg,
    );
    expect(tgExport.code).toBe(0);
    expect(tgExport.stdout).toMatch(/^wrote 2 tiers \(2 segments\) of audio 1 to /);
    const noAudio = await cli('import', 'annotations', '-p', b, tg);
    expect(noAudio.code).toBe(1);
    expect(noAudio.stderr).toMatch(/--audio/);
    const again = await cli(
      'import',
      'annotations',
      '-p',
      b,
      tg,
      '--audio',
      'market.wav',
      '--replace',
    );
    expect(again.code).toBe(0);
    const q = Project.open(b, { readonly: true });
    expect(view(q, q.audio.list(0, 1)[0].id)).toEqual(before);
    q.close();
  });
});
