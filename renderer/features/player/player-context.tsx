import { createContext, useContext } from 'react';

/** What the Player shows: one utterance, optionally with an ASR hypothesis next to its text. */
export interface PlayerRequest {
  utteranceId: number;
  /**
   * The utterance's recording, when the opener already knows it (a Library
   * row does): the media and the waveform then load at once, beside the
   * utterance call instead of after it. null: no recording.
   */
  audioId?: number | null;
  autoplay: boolean;
  hypothesis?: string;
  /** Where to start playing (seconds into the recording); the start when absent. */
  startSec?: number;
  /** Changes on every open, so opening the same utterance again restarts it. */
  nonce: number;
}

export interface PlayerControl {
  current: PlayerRequest | null;
  open(
    utteranceId: number,
    opts?: {
      autoplay?: boolean;
      hypothesis?: string;
      audioId?: number | null;
      startSec?: number;
    },
  ): void;
  close(): void;
}

export const PlayerContext = createContext<PlayerControl | null>(null);

export function usePlayer(): PlayerControl {
  const p = useContext(PlayerContext);
  if (!p) throw new Error('usePlayer outside PlayerContext');
  return p;
}
