/** Containers the decoder recognises; the codec string says what was inside. */
export type AudioContainer = 'wav' | 'mp3' | 'flac' | 'ogg';

export interface SourceFormat {
  container: AudioContainer;
  /** 'pcm' or 'float' for WAV, 'mp3', 'flac', 'vorbis' for the compressed formats. */
  codec: string;
  /** Present where the source has a meaningful sample width (WAV, FLAC). */
  bitsPerSample?: number;
}

export interface DecodedAudio {
  sampleRate: number;
  /**
   * Planar samples, nominally -1..1. Float sources (float WAV, lossy decoders)
   * are passed through unclamped so that level checks can still see overs.
   */
  channels: Float32Array[];
  sourceFormat: SourceFormat;
  /** Non-fatal problems a decoder reported (e.g. a damaged MP3 frame skipped). */
  warnings?: string[];
}
