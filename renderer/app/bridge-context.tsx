import { createContext, useContext } from 'react';
import type { Bridge } from '../bridge/bridge.js';

export const BridgeContext = createContext<Bridge | null>(null);

export function useBridge(): Bridge {
  const b = useContext(BridgeContext);
  if (!b) throw new Error('useBridge outside BridgeContext');
  return b;
}
