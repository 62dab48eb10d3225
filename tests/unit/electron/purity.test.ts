import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The modules the unit tests load must run without the Electron binary:
// `require('electron')` throws there. Type-only imports are erased.
const PURE = [
  'security.ts',
  'app-paths.ts',
  'ipc-contract.ts',
  'protocol.ts',
  'recent.ts',
  'fuses.ts',
  'engine-protocol.ts',
  'engine-client.ts',
];

describe('electron/ pure modules', () => {
  it.each(PURE)('%s imports no electron at run time', (file) => {
    const src = readFileSync(
      fileURLToPath(new URL(`../../../electron/${file}`, import.meta.url)),
      'utf8',
    );
    const valueImports = [...src.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map(
      (m) => m[1],
    );
    expect(valueImports).not.toContain('electron');
    expect(src).not.toMatch(/require\(['"]electron['"]\)/);
  });
});
