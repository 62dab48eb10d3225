/**
 * The inference worker's ONNX sessions, cached by model file and options so
 * that every runner asking for the same model shares one session (sessions
 * are large: weights plus ORT's arena). Reference-counted: a session is
 * disposed when the last holder releases it. Runs in the inference thread only.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { InferenceSession } from 'onnxruntime-node';
import { UserError } from '../contract/errors.js';
import { assertInferenceThread } from './ort-guard.js';
import { loadOnnxRuntime } from './ort-loader.js';

/** The serialisable subset of ORT's session options that callers may set. */
export interface SessionOptions {
  /** Default: the inference worker's thread count. */
  intraOpNumThreads?: number;
  interOpNumThreads?: number;
  graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'all';
  executionProviders?: string[];
  /** Fixes symbolic dimensions, e.g. `{ batch: 1 }`, which lets ORT optimise more. */
  freeDimensionOverrides?: Record<string, number>;
  enableCpuMemArena?: boolean;
  logSeverityLevel?: 0 | 1 | 2 | 3 | 4;
}

/** One input or output as ORT 1.30 reports it. */
export interface ValueInfo {
  name: string;
  isTensor: boolean;
  /** Element type, e.g. 'float32', 'int64' (tensors only). */
  type?: string;
  /**
   * Dimensions: a number when fixed, the symbolic name (e.g. 'batch') when
   * not. ORT reports an unknown shape as `[]`, same as a scalar's.
   */
  shape?: (number | string)[];
  /** `shape.length`; 0 means a scalar or an unknown rank (ORT cannot tell them apart). */
  rank?: number;
}

export interface SessionInfo {
  id: string;
  modelPath: string;
  inputNames: string[];
  outputNames: string[];
  inputMetadata: ValueInfo[];
  outputMetadata: ValueInfo[];
}

type Session = InferenceSession;

interface Entry {
  key: string;
  info: SessionInfo;
  session: Session;
  refs: number;
}

export class SessionCache {
  private readonly byKey = new Map<string, Promise<Entry>>();
  private readonly byId = new Map<string, Entry>();
  private nextId = 1;

  constructor(private readonly defaultThreads: number) {}

  /** Loads `modelPath` or returns the cached session (same id) and takes a reference. */
  async load(modelPath: string, options: SessionOptions = {}): Promise<SessionInfo> {
    const path = resolve(modelPath);
    const file = await stat(path).catch(() => undefined);
    if (!file?.isFile()) throw new UserError('not_found', `model file not found: ${path}`);
    const merged: SessionOptions = { intraOpNumThreads: this.defaultThreads, ...options };
    // Size and mtime are in the key so a model replaced in place is reloaded.
    const key = [path, file.size, file.mtimeMs, stableJson(merged)].join('\0');
    let pending = this.byKey.get(key);
    if (!pending) {
      pending = this.create(key, path, merged);
      this.byKey.set(key, pending);
      pending.catch(() => this.byKey.delete(key));
    }
    const entry = await pending;
    entry.refs++;
    return entry.info;
  }

  get(id: string): Session {
    const entry = this.byId.get(id);
    if (!entry) {
      throw new Error(
        `unknown ONNX session "${id}" (released, or loaded by an earlier inference worker)`,
      );
    }
    return entry.session;
  }

  /** Drops one reference; the session is disposed with the last one. */
  async release(id: string): Promise<void> {
    const entry = this.byId.get(id);
    if (!entry) return;
    if (--entry.refs > 0) return;
    this.byId.delete(id);
    this.byKey.delete(entry.key);
    await entry.session.release();
  }

  private async create(key: string, path: string, options: SessionOptions): Promise<Entry> {
    const ort = await loadOnnxRuntime();
    let session: Session;
    try {
      session = await ort.InferenceSession.create(path, options as InferenceSession.SessionOptions);
    } catch (e) {
      throw new UserError(
        'model_invalid',
        `cannot load ONNX model ${path}: ${e instanceof Error ? e.message : String(e)}`,
        'check that the file is a complete ONNX model (re-import or re-download it)',
      );
    }
    const id = `s${this.nextId++}`;
    const info: SessionInfo = {
      id,
      modelPath: path,
      inputNames: [...session.inputNames],
      outputNames: [...session.outputNames],
      inputMetadata: valueInfos(session.inputNames, session.inputMetadata),
      outputMetadata: valueInfos(session.outputNames, session.outputMetadata),
    };
    const entry: Entry = { key, info, session, refs: 0 };
    this.byId.set(id, entry);
    return entry;
  }
}

function valueInfos(
  names: readonly string[],
  metadata: readonly InferenceSession.ValueMetadata[] | undefined,
): ValueInfo[] {
  // ORT before 1.22 had no metadata: fall back to names alone.
  if (!metadata) return names.map((name) => ({ name, isTensor: true }));
  return metadata.map((m) => {
    if (!m.isTensor) return { name: m.name, isTensor: false };
    const shape = [...m.shape];
    return { name: m.name, isTensor: true, type: m.type, shape, rank: shape.length };
  });
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const CACHE = Symbol.for('charkha.workers.sessionCache');

/**
 * The inference thread's session cache, for runner modules that `call()`
 * runs there and want to share sessions with `loadSession()`.
 */
export function threadSessionCache(defaultThreads?: number): SessionCache {
  assertInferenceThread();
  const g = globalThis as { [CACHE]?: SessionCache };
  if (!g[CACHE]) {
    if (defaultThreads === undefined)
      throw new Error('the inference worker has not started its session cache');
    g[CACHE] = new SessionCache(defaultThreads);
  }
  return g[CACHE];
}
