/**
 * Sanscript is CommonJS whose type file says `export default`: under
 * NodeNext, TypeScript then types the default import as `{ default: … }`
 * while Node hands over the library object itself. Resolve both here, once.
 */
import SanscriptModule from '@indic-transliteration/sanscript';

type SanscriptApi = typeof SanscriptModule.default;

const mod = SanscriptModule as unknown as SanscriptApi & { default?: SanscriptApi };

export const Sanscript: SanscriptApi =
  typeof mod.t === 'function' ? mod : (mod.default as SanscriptApi);
