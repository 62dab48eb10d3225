import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UserError } from '../contract/errors.js';
import type { Tier } from '../store/annotation-repo.js';
import type { Project } from '../store/project.js';
import {
  emptyDocument,
  msTime,
  type AnnotationDocument,
  type DocTier,
} from './annotation-document.js';
import {
  FORMAT_EXTENSIONS,
  isSingleTier,
  readAnnotations,
  writeAnnotations,
  type AnnotationFormat,
  type WriteOptions,
} from './annotation-formats.js';
import { installationAnnotator } from '../settings/annotator.js';

const MIME: Record<string, string> = {
  '.wav': 'audio/x-wav',
  '.mp3': 'audio/mpeg',
  '.flac': 'audio/flac',
  '.ogg': 'audio/ogg',
};

interface AudioRef {
  id: number;
  originalName: string;
  durationSec: number;
}

function audioRows(project: Project): AudioRef[] {
  return project.db
    .prepare(
      'SELECT id, original_name AS originalName, duration_sec AS durationSec FROM audio ORDER BY id',
    )
    .all() as AudioRef[];
}

/**
 * The recording `spec` names: an audio id, or a file name as it was imported
 * (compared without folders). With no spec, the one recording that has tiers.
 */
export function resolveAudio(
  project: Project,
  spec: string | undefined,
  what = '--audio',
): AudioRef {
  const rows = audioRows(project);
  if (spec === undefined) {
    const withTiers = project.db.prepare('SELECT DISTINCT audio_id AS id FROM tiers').all() as {
      id: number;
    }[];
    if (withTiers.length === 1) return rows.find((r) => r.id === withTiers[0].id)!;
    throw new UserError(
      'bad_input',
      withTiers.length === 0
        ? 'no recording in this project has annotation tiers'
        : `${withTiers.length} recordings have annotation tiers`,
      'name one with --audio <id or file name>',
    );
  }
  if (/^\d+$/.test(spec)) {
    const row = rows.find((r) => r.id === Number(spec));
    if (!row) throw new UserError('not_found', `${what}: no audio with id ${spec}`);
    return row;
  }
  const name = basename(spec.replace(/\\/g, '/'));
  const found = rows.filter((r) => basename(r.originalName.replace(/\\/g, '/')) === name);
  if (found.length === 1) return found[0];
  if (found.length === 0)
    throw new UserError(
      'not_found',
      `${what}: no audio named "${name}" in this project`,
      'import the recording first (charkha import audio), or pass --audio <id>',
    );
  throw new UserError(
    'conflict',
    `${what}: ${found.length} recordings are named "${name}" (ids ${found.map((r) => r.id).join(', ')})`,
    'pass --audio <id>',
  );
}

/** A recording's tiers as a document; `tierNames` picks and orders them. */
export function documentFromProject(
  project: Project,
  audio: AudioRef,
  tierNames?: string[],
): AnnotationDocument {
  const all = project.annotations.listTiers(audio.id);
  let chosen: Tier[] = all;
  if (tierNames && tierNames.length > 0) {
    chosen = tierNames.map((n) => {
      const t = all.find((x) => x.name === n);
      if (!t)
        throw new UserError(
          'not_found',
          `--tiers: recording ${audio.id} has no tier "${n}" (it has ${all.map((x) => x.name).join(', ') || 'none'})`,
        );
      return t;
    });
  }
  const names = new Map(all.map((t) => [t.id, t.name]));
  const chosenIds = new Set(chosen.map((t) => t.id));
  const doc = emptyDocument();
  doc.end = msTime(audio.durationSec);
  for (const t of chosen) {
    const segments = project.annotations
      .listSegments(t.id)
      .map((s) => ({ start: s.start, end: s.end, text: s.text }));
    const tier: DocTier = {
      name: t.name,
      kind: t.kind,
      parent: t.parentId !== null && chosenIds.has(t.parentId) ? names.get(t.parentId)! : null,
      participant: t.participant,
      annotator: t.annotator,
      vocabulary: t.vocabulary ? t.name : null,
      points: segments.length > 0 && segments.every((s) => s.end === s.start),
      segments,
    };
    if (t.vocabulary)
      doc.vocabularies.push({
        id: t.name,
        description: null,
        entries: t.vocabulary.map((value) => ({ value, description: null })),
      });
    doc.tiers.push(tier);
  }
  return doc;
}

export interface ExportAnnotationsOptions extends WriteOptions {
  format: AnnotationFormat;
  audio?: string;
  tiers?: string[];
}

export interface ExportAnnotationsResult {
  file: string;
  format: AnnotationFormat;
  audioId: number;
  tiers: { name: string; segments: number }[];
}

export interface RenderedAnnotations {
  bytes: Buffer;
  /** A file name for a download: the recording's name with the format's extension. */
  fileName: string;
  format: AnnotationFormat;
  audioId: number;
  tiers: { name: string; segments: number }[];
}

/**
 * A recording's tiers as the bytes of one interchange file, for the CLI and
 * for a download from the UI. `outPath`, when known, lets an EAF name its
 * media by a path beside the file.
 */
export function renderAnnotations(
  project: Project,
  opts: ExportAnnotationsOptions,
  outPath?: string,
): RenderedAnnotations {
  const audio = resolveAudio(project, opts.audio);
  let tiers = opts.tiers;
  if ((!tiers || tiers.length === 0) && isSingleTier(opts.format)) {
    // A one-tier format takes the transcript when nothing is chosen.
    const transcript = project.annotations.listTiers(audio.id).find((t) => t.kind === 'transcript');
    if (transcript) tiers = [transcript.name];
  }
  const doc = documentFromProject(project, audio, tiers);
  const mediaName = basename(audio.originalName.replace(/\\/g, '/'));
  doc.media.push({
    url: pathToFileURL(resolve(outPath ? dirname(resolve(outPath)) : '.', mediaName)).href,
    mimeType: MIME[extname(mediaName).toLowerCase()] ?? null,
    relativeUrl: `./${mediaName}`,
  });
  const bytes = writeAnnotations(doc, opts.format, {
    ...opts,
    author: opts.author ?? installationAnnotator(project) ?? undefined,
  });
  return {
    bytes,
    fileName: `${mediaName.slice(0, mediaName.length - extname(mediaName).length)}${FORMAT_EXTENSIONS[opts.format]}`,
    format: opts.format,
    audioId: audio.id,
    tiers: doc.tiers.map((t) => ({ name: t.name, segments: t.segments.length })),
  };
}

/** Writes a recording's tiers to `out` in one of the interchange formats. */
export function exportAnnotations(
  project: Project,
  out: string,
  opts: ExportAnnotationsOptions,
): ExportAnnotationsResult {
  const file = resolve(out);
  const r = renderAnnotations(project, opts, file);
  writeFileSync(file, r.bytes);
  return { file, format: r.format, audioId: r.audioId, tiers: r.tiers };
}

export interface ImportAnnotationsOptions {
  format?: AnnotationFormat;
  audio?: string;
  /** The tier name for formats without one (SRT, WebVTT, Audacity labels). */
  tier?: string;
  /** Replace tiers of the same name that already hold segments. */
  replace?: boolean;
  author?: string;
}

export interface ImportAnnotationsResult {
  file: string;
  audioId: number;
  tiers: { name: string; segments: number }[];
}

/** The recording an EAF names in its media descriptors, when the project has it. */
function audioFromMedia(project: Project, doc: AnnotationDocument): AudioRef | null {
  for (const m of doc.media) {
    for (const url of [m.url, m.relativeUrl]) {
      if (!url) continue;
      let path = url;
      try {
        if (url.startsWith('file:')) path = fileURLToPath(url);
      } catch {
        path = url;
      }
      try {
        return resolveAudio(project, basename(path.replace(/\\/g, '/')), 'media');
      } catch (e) {
        if (!(e instanceof UserError) || e.code !== 'not_found') throw e;
      }
    }
  }
  return null;
}

/**
 * Reads an annotation file into a recording's tiers, all in one transaction:
 * a file that fails part-way leaves the project as it was.
 */
export function importAnnotations(
  project: Project,
  file: string,
  opts: ImportAnnotationsOptions = {},
): ImportAnnotationsResult {
  const path = resolve(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UserError('not_found', `${file}: no such file`);
  }
  return { ...importAnnotationBytes(project, bytes, file, opts), file: path };
}

/**
 * The same from bytes (an upload): `name` gives the format by its extension
 * and names the file in errors.
 */
export function importAnnotationBytes(
  project: Project,
  bytes: Uint8Array,
  name: string,
  opts: ImportAnnotationsOptions = {},
): ImportAnnotationsResult {
  project.requireWritable('importing annotations');
  const file = name;
  const doc = readAnnotations(bytes, file, { format: opts.format, tierName: opts.tier });
  let audio: AudioRef | null = null;
  if (opts.audio !== undefined) audio = resolveAudio(project, opts.audio);
  else if (doc.media.length > 0) {
    audio = audioFromMedia(project, doc);
    if (!audio)
      throw new UserError(
        'not_found',
        `${file} names media ${doc.media.map((m) => `"${basename(m.url)}"`).join(', ')}, which this project does not have`,
        'import the recording first, or pass --audio <id or file name>',
      );
  } else
    throw new UserError(
      'bad_input',
      `${file} does not say which recording it annotates`,
      'pass --audio <id or file name>',
    );

  const author = opts.author ?? installationAnnotator(project) ?? 'import';
  const repo = project.annotations;
  const byName = new Map(doc.tiers.map((t) => [t.name, t]));
  const ordered: DocTier[] = [];
  const place = (t: DocTier) => {
    if (ordered.includes(t)) return;
    if (t.parent !== null) place(byName.get(t.parent)!);
    ordered.push(t);
  };
  doc.tiers.forEach(place);

  return project.db.transaction((): ImportAnnotationsResult => {
    const ids = new Map<string, number>();
    for (const t of ordered) {
      const existing = repo.listTiers(audio.id).find((x) => x.name === t.name);
      const vocabulary = t.vocabulary
        ? (doc.vocabularies.find((v) => v.id === t.vocabulary)?.entries.map((e) => e.value) ?? null)
        : null;
      const fields = {
        kind: t.kind,
        vocabulary: vocabulary && vocabulary.length > 0 ? vocabulary : null,
        participant: t.participant,
        annotator: t.annotator,
      };
      let tier: Tier;
      if (existing) {
        // The tier is kept (its children and id stay); only its segments are replaced.
        const old = repo.listSegments(existing.id);
        if (old.length > 0 && !opts.replace)
          throw new UserError(
            'conflict',
            `recording ${audio.id} already has segments in tier "${t.name}"`,
            'pass --replace to overwrite them, or rename the tier in the file',
          );
        for (const s of old) repo.deleteSegment(s.id, author);
        tier = repo.updateTier(existing.id, fields);
      } else {
        tier = repo.createTier(audio.id, {
          name: t.name,
          parentId: t.parent !== null ? ids.get(t.parent)! : null,
          ...fields,
        });
      }
      ids.set(t.name, tier.id);
      for (const s of t.segments)
        repo.addSegment(
          tier.id,
          {
            start: s.start,
            end: s.end,
            text: s.text,
            state: s.text.trim() ? 'transcribed' : 'todo',
          },
          author,
        );
    }
    return {
      file,
      audioId: audio.id,
      tiers: ordered.map((t) => ({ name: t.name, segments: t.segments.length })),
    };
  })();
}
