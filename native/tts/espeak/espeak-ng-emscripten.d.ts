// The package ships no types; this declares the part of its WebIDL binding
// (emscripten/espeakng_glue.cpp in echogarden's espeak-ng fork) that we call.
declare module '@echogarden/espeak-ng-emscripten' {
  interface WasmPointer {
    ptr: number;
  }
  interface EspeakVoiceStruct extends WasmPointer {
    get_name(): string;
    get_identifier(): string;
    get_languages(index: number): number;
    get_gender(): number;
  }
  interface EspeakEventStruct extends WasmPointer {
    get_type(): number;
    get_text_position(): number;
    get_length(): number;
    get_audio_position(): number;
    get_sample(): number;
  }
  interface EspeakWorker extends WasmPointer {
    get_samplerate(): number;
    get_voices(index: number): EspeakVoiceStruct;
    /** espeak_ERROR: 0 is EE_OK, 2 is EE_NOT_FOUND. */
    set_voice(name: string | WasmPointer): number;
    set_rate(wpm: number): void;
    get_rate(): number;
    set_pitch(pitch: number): void;
    set_range(range: number): void;
    set_volume(volume: number): void;
    /** Synthesises with espeakSSML | espeakPHONEMES; the callback gets (samplesPtr, count, eventsPtr). */
    synth_(text: string | WasmPointer, callback: number): void;
    /** A `char*` (new[]) holding the phonemes; clauses are joined with " | ". */
    text_to_phonemes(text: string | WasmPointer, ipa: number): WasmPointer;
    getSizeOfEventStruct_(): number;
  }
  interface EspeakModule {
    eSpeakNGWorker: new () => EspeakWorker;
    espeak_EVENT: unknown;
    espeakEVENT_LIST_TERMINATED: number;
    espeakEVENT_WORD: number;
    espeakEVENT_SENTENCE: number;
    espeakEVENT_END: number;
    espeakEVENT_MSG_TERMINATED: number;
    HEAP16: Int16Array;
    HEAPU8: Uint8Array;
    FS: {
      readdir(path: string): string[];
      readFile(path: string, opts: { encoding: 'utf8' }): string;
    };
    addFunction(fn: (...args: number[]) => number, signature: string): number;
    removeFunction(ptr: number): void;
    wrapPointer<T>(ptr: number, cls: unknown): T;
    _free(ptr: number): void;
    _malloc(size: number): number;
  }
  const initialize: (moduleArg?: Record<string, unknown>) => Promise<EspeakModule>;
  // The package's one export is its default: this describes it, it does not add one of ours.
  // eslint-disable-next-line no-restricted-syntax
  export default initialize;
  export type { EspeakEventStruct, EspeakModule, EspeakVoiceStruct, EspeakWorker, WasmPointer };
}
