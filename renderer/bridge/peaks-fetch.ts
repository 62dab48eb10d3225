import type { PeaksRoute, WirePeaks } from '../../native/contract/media.js';
import { engineErrorFrom } from './engine-error.js';
import { decodeWirePeaks, peaksPath } from './peaks-wire.js';

/**
 * Fetches one peaks level from the media route of whichever face serves the
 * page (`charkha serve`, or app://charkha in Electron: the path is relative
 * to the page's origin either way) and decodes the binary answer.
 */
export async function fetchPeaks(
  route: PeaksRoute,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<WirePeaks> {
  let res: Response;
  try {
    res = await fetch(peaksPath(route), { headers, signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw engineErrorFrom('unreachable', 'The Charkha engine is not answering.');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw engineErrorFrom(
      body?.error?.code ?? (res.status === 404 ? 'not_found' : 'internal'),
      body?.error?.message ?? `The waveform of recording ${route.audioId} could not be loaded.`,
      res.status === 404 ? 'Import the recording again to rebuild its waveform.' : null,
    );
  }
  return decodeWirePeaks(await res.arrayBuffer(), `peaks of recording ${route.audioId}`);
}
