import type { Bridge } from './bridge.js';
import { HttpBridge } from './http-bridge.js';
import { PreloadBridge } from './preload-bridge.js';

/** The preload bridge inside Electron (where `window.charkha` exists), else browser mode. */
export function pickBridge(): Bridge {
  if (window.charkha) return new PreloadBridge(window.charkha);
  return new HttpBridge();
}
