import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import forgeConfig, { ASAR_UNPACK } from '../../../forge.config.js';
import { fuseConfig } from '../../../electron/fuses.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const builderYml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');

/** The items of a top-level YAML list (the file keeps them flat and quoted). */
function yamlList(key: string): string[] {
  const m = new RegExp(`^${key}:\\n((?:\\s+- .*\\n)+)`, 'm').exec(builderYml);
  if (!m) throw new Error(`no ${key} list in electron-builder.yml`);
  return m[1]
    .split('\n')
    .filter((l) => l.trim().startsWith('- '))
    .map((l) =>
      l
        .trim()
        .slice(2)
        .replace(/^'(.*)'$/, '$1'),
    );
}

describe('packaging config', () => {
  it('unpacks the same paths from asar in Forge and electron-builder', () => {
    const builder = yamlList('asarUnpack');
    expect(builder.length).toBe(ASAR_UNPACK.length);
    for (const p of builder) expect(ASAR_UNPACK).toContain(p.startsWith('**/') ? p : `**/${p}`);
    for (const needed of ['better-sqlite3', 'onnxruntime-node', 'espeak-ng-emscripten/*.data'])
      expect(builder.some((p) => p.includes(needed))).toBe(true);
  });

  it('uses asar (the fuses need it) and flips the fuses in both', () => {
    expect(builderYml).toMatch(/^asar: true$/m);
    expect(builderYml).toMatch(/^afterPack: \.\/scripts\/after-pack-fuses\.cjs$/m);
    expect(existsSync(join(root, 'scripts', 'after-pack-fuses.cjs'))).toBe(true);
    expect(forgeConfig.packagerConfig.asar).not.toBe(false);
    const fuses = forgeConfig.plugins.find((p) => p.name === '@electron-forge/plugin-fuses');
    expect(fuses?.config).toBe(fuseConfig);
  });

  it('packages the built app only', () => {
    const { ignore } = forgeConfig.packagerConfig;
    for (const kept of [
      '',
      '/package.json',
      '/dist/electron/main.js',
      '/dist/electron/preload.cjs',
      '/dist/electron/engine-host.js',
      '/renderer',
      '/renderer/dist/index.html',
      '/models/catalog.json',
      '/models/default/card.md',
      '/assets/lexicons/hi.json',
      '/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
    ])
      expect(ignore(kept), kept).toBe(false);
    for (const dropped of [
      '/electron/main.ts',
      '/native/service/service.ts',
      '/renderer/app/App.tsx',
      '/tests/unit/x.test.ts',
      '/models/recipes/train.py',
      '/bench/run.ts',
      '/.git/config',
    ])
      expect(ignore(dropped), dropped).toBe(true);
    expect(yamlList('files')).toEqual(
      expect.arrayContaining(['dist/**/*', 'renderer/dist/**/*', 'package.json']),
    );
  });

  it('makes deb and zip with Forge, AppImage, deb, NSIS and dmg with electron-builder', () => {
    const makers = forgeConfig.makers.map((m) => m.name);
    expect(makers).toEqual(
      expect.arrayContaining(['@electron-forge/maker-deb', '@electron-forge/maker-zip']),
    );
    expect(builderYml).toMatch(/linux:\n\s+target:\n\s+- AppImage\n\s+- deb/);
    expect(builderYml).toMatch(/win:\n\s+target:\n\s+- nsis/);
    expect(builderYml).toMatch(/mac:\n\s+target:\n\s+- dmg/);
  });

  it('finds the executable to flip per platform', () => {
    const require = createRequire(import.meta.url);
    const hook = require(join(root, 'scripts', 'after-pack-fuses.cjs')) as {
      executableOf: (c: unknown) => string;
      default: unknown;
    };
    expect(typeof hook.default).toBe('function');
    const ctx = (electronPlatformName: string) => ({
      appOutDir: '/out',
      electronPlatformName,
      packager: { appInfo: { productFilename: 'Charkha' }, executableName: 'charkha' },
    });
    expect(hook.executableOf(ctx('linux'))).toBe(join('/out', 'charkha'));
    expect(hook.executableOf(ctx('win32'))).toBe(join('/out', 'Charkha.exe'));
    expect(hook.executableOf(ctx('darwin'))).toBe(join('/out', 'Charkha.app'));
  });
});
