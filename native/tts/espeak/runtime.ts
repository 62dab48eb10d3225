/**
 * espeak-ng's WASM build, one instance per thread. espeak-ng keeps its state
 * in globals (current voice, parameters, synth callback) and is not
 * re-entrant, so every call here is synchronous and a thread never runs two
 * syntheses at once; worker threads each get their own instance.
 *
 * Determinism: espeak-ng's wave generator carries state from one synthesis
 * to the next (the pitch-flutter phase, the breath-noise generator), so the
 * same text spoken twice differs by a few samples per word. `useVoice`
 * therefore restores a snapshot of the whole WASM memory (16 MB, of which
 * only the used megabyte or two is copied: heap-image.ts) taken right after
 * the voice's language was loaded (a variant is then set on top, the same
 * way each time): every utterance then starts from
 * the same state and the same request gives the same samples. This is safe
 * only while no JavaScript-side state points into memory allocated after a
 * snapshot, so strings are passed as our own malloc'd pointers (never through
 * the WebIDL glue's string cache, whose buffer could be reallocated).
 */
import initialize from '@echogarden/espeak-ng-emscripten';
import { HeapRestorer, takeHeapImage } from './heap-image.js';
import type {
  EspeakEventStruct,
  EspeakModule,
  EspeakWorker,
  WasmPointer,
} from '@echogarden/espeak-ng-emscripten';

export const ESPEAK_DATA = '/usr/share/espeak-ng-data';

export interface RawVoice {
  /** espeak's identifier, e.g. `inc/hi`, `gmw/en-US`. */
  identifier: string;
  name: string;
  /** Language codes in priority order (lower number first, as espeak lists them). */
  languages: string[];
}

export interface RawEvent {
  type: 'word' | 'sentence' | 'end';
  /** 1-based code-point index into the synthesised text. */
  textPosition: number;
  /** Code points of the word (word events). */
  length: number;
  /** Sample index from the start of this synthesis. */
  sample: number;
}

export interface RawSynthesis {
  samples: Float32Array;
  events: RawEvent[];
}

export interface EspeakRuntime {
  readonly sampleRate: number;
  voices(): RawVoice[];
  /** Names of the `!v/` variant files. */
  variants(): string[];
  /** espeak_SetVoiceByName; returns espeak's error code (0 is success). */
  setVoice(name: string): number;
  /**
   * Puts the whole instance in the state right after loading voice `name`
   * (its language from a pristine state the first time, then the variant, if
   * any, on top of that language's snapshot); returns espeak's code.
   * With `reset` false, a voice that is already the current one is kept as
   * it is: phonemisation reads only the voice's rules and dictionary, not
   * the wave generator's state, and a restore costs most of a
   * millisecond, as much as phonemising a sentence.
   */
  useVoice(name: string, reset?: boolean): number;
  setParams(p: { rate: number; pitch: number; range: number }): void;
  /** Synthesises SSML-escaped text (the build always passes espeakSSML | espeakPHONEMES). */
  synth(text: string): RawSynthesis;
  /** espeak_TextToPhonemes over the whole text; IPA with `_` between phonemes, clauses joined by ` | `. */
  textToPhonemes(text: string, ipa: boolean): string;
}

let loading: Promise<EspeakRuntime> | undefined;

/** The thread's espeak-ng instance, created on first use (about 0.5–2 s: 24 MB of voice data). */
export function loadEspeak(): Promise<EspeakRuntime> {
  loading ??= initialize({ print: () => {}, printErr: () => {} }).then(wrap, (e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

function wrap(m: EspeakModule): EspeakRuntime {
  const worker: EspeakWorker = new m.eSpeakNGWorker();
  const eventSize = worker.getSizeOfEventStruct_();
  const decoder = new TextDecoder();
  let voiceList: RawVoice[] | undefined;
  let variantList: string[] | undefined;
  const encoder = new TextEncoder();

  /** Calls `fn` with `s` as a NUL-terminated UTF-8 string in WASM memory. */
  const withCString = <T>(s: string, fn: (p: WasmPointer) => T): T => {
    const bytes = encoder.encode(s);
    const ptr = m._malloc(bytes.length + 1);
    try {
      m.HEAPU8.set(bytes, ptr);
      m.HEAPU8[ptr + bytes.length] = 0;
      return fn({ ptr });
    } finally {
      m._free(ptr);
    }
  };
  /** The voice espeak holds now (undefined after a failed load). */
  let current: string | undefined;
  const setVoice = (name: string): number => {
    const code = withCString(name, (p) => worker.set_voice(p));
    current = code === 0 ? name : undefined;
    return code;
  };

  // The glue allocates its string cache on its first call: make that call
  // now, so the pristine snapshot already has it.
  setVoice('en');
  const pristine = takeHeapImage(m.HEAPU8);
  const voiceSnapshots = new Map<string, Uint8Array>();
  const restorer = new HeapRestorer();
  // HEAPU8 is replaced when the memory grows: read it afresh each time.
  const restore = (snapshot: Uint8Array): void => restorer.restore(m.HEAPU8, snapshot);

  // One synth callback for the instance's life, collecting into `out`. A
  // callback added per synthesis would cost a small WebAssembly module each
  // time (the glue wraps JS functions that way) and show espeak's compiled
  // code a new call target, which throws away its optimised wave generator.
  let out: { chunks: Int16Array[]; events: RawEvent[]; total: number } | undefined;
  const callback = m.addFunction((ptr: number, count: number, eventsPtr: number): number => {
    if (!out) return 0;
    if (count > 0) {
      // HEAP16 may be replaced when memory grows: read it afresh each call.
      out.chunks.push(m.HEAP16.slice(ptr >> 1, (ptr >> 1) + count));
      out.total += count;
    }
    for (let p = eventsPtr; ; p += eventSize) {
      const ev = m.wrapPointer<EspeakEventStruct>(p, m.espeak_EVENT);
      const t = ev.get_type();
      if (t === m.espeakEVENT_LIST_TERMINATED) break;
      const type =
        t === m.espeakEVENT_WORD
          ? 'word'
          : t === m.espeakEVENT_SENTENCE
            ? 'sentence'
            : t === m.espeakEVENT_END
              ? 'end'
              : undefined;
      if (type) {
        out.events.push({
          type,
          textPosition: ev.get_text_position(),
          length: ev.get_length(),
          sample: ev.get_sample(),
        });
      }
    }
    return 0;
  }, 'iiii');

  const cString = (ptr: number): string => {
    const heap = m.HEAPU8;
    let end = ptr;
    while (heap[end] !== 0) end++;
    return decoder.decode(heap.subarray(ptr, end));
  };

  return {
    sampleRate: worker.get_samplerate(),
    voices() {
      voiceList ??= readVoices(worker);
      return voiceList;
    },
    variants() {
      // A few files have names with spaces, which `voice+variant` cannot name.
      variantList ??= m.FS.readdir(`${ESPEAK_DATA}/voices/!v`)
        .filter((f) => f !== '.' && f !== '..' && !/\s/.test(f))
        .sort();
      return variantList;
    },
    setVoice,
    useVoice(name, reset = true) {
      if (!reset && current === name) return 0;
      // Snapshots are per language (`hi`), not per voice (`hi+m3`): a corpus
      // spoken by many variants would otherwise miss a small cache on nearly
      // every utterance and pay a pristine reload (~100 ms).
      // A variant is applied on top of its language's snapshot (~2 ms), which
      // starts from the same state every time, so its samples are as stable.
      const plus = name.indexOf('+');
      const base = plus > 0 ? name.slice(0, plus) : name;
      const cached = voiceSnapshots.get(base);
      if (cached) {
        restore(cached);
        current = base;
      } else {
        restore(pristine);
        const code = setVoice(base);
        if (code !== 0) return code;
        // A few languages at most are in use at once; keep the last three.
        if (voiceSnapshots.size >= 3) voiceSnapshots.delete(voiceSnapshots.keys().next().value!);
        voiceSnapshots.set(base, takeHeapImage(m.HEAPU8));
      }
      return base === name ? 0 : setVoice(name);
    },
    setParams({ rate, pitch, range }) {
      worker.set_rate(rate);
      worker.set_pitch(pitch);
      worker.set_range(range);
      worker.set_volume(100);
    },
    synth(text) {
      out = { chunks: [], events: [], total: 0 };
      const got = out;
      try {
        withCString(text, (p) => worker.synth_(p, callback));
      } finally {
        out = undefined;
      }
      const samples = new Float32Array(got.total);
      let at = 0;
      for (const c of got.chunks) {
        for (let i = 0; i < c.length; i++) samples[at + i] = c[i] / 32768;
        at += c.length;
      }
      return { samples, events: got.events };
    },
    textToPhonemes(text, ipa) {
      const out = withCString(text, (p) => worker.text_to_phonemes(p, ipa ? 1 : 0));
      try {
        return cString(out.ptr);
      } finally {
        m._free(out.ptr);
      }
    },
  };
}

function readVoices(worker: EspeakWorker): RawVoice[] {
  const voices: RawVoice[] = [];
  for (let i = 0; ; i++) {
    const v = worker.get_voices(i);
    if (v.ptr === 0) break;
    // `languages` is a packed list: a priority byte, a NUL-terminated code, …, a 0 byte.
    const langs: { priority: number; code: string }[] = [];
    let at = 0;
    for (let priority = v.get_languages(at); priority !== 0; priority = v.get_languages(at)) {
      let code = '';
      at++;
      for (let c = v.get_languages(at); c !== 0; c = v.get_languages(++at)) {
        code += String.fromCharCode(c);
      }
      at++;
      langs.push({ priority, code });
    }
    voices.push({
      identifier: v.get_identifier(),
      name: v.get_name().trim(),
      languages: langs.map((l) => l.code),
    });
  }
  return voices;
}
