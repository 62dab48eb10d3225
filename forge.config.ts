// Electron Forge configuration (`npx --yes @electron-forge/cli@7 make`; see
// docs/desktop.md). Forge's packages are not installed in this repository
// (their @electron/rebuild dependency pulls a git URL the closed network
// refuses), so the config is typed with the small local interface below
// instead of @electron-forge/shared-types, and plugins and makers are named
// by package (`{ name, config }`), which Forge resolves when it runs.
import { execFileSync } from 'node:child_process';
import { fuseConfig } from './electron/fuses.js';

/** Files that must stay real files on disk, outside app.asar. */
export const ASAR_UNPACK = [
  // Native addons: the OS loader cannot dlopen from inside an archive.
  '**/*.node',
  '**/node_modules/better-sqlite3/**',
  '**/node_modules/onnxruntime-node/**',
  // espeak-ng's WASM data files, read by path.
  '**/node_modules/@echogarden/espeak-ng-emscripten/*.data',
  // Bundled models and lexicons: large, read by path, memory-mapped by ONNX Runtime.
  // (@electron/asar matches absolute paths, hence the leading `**/` here
  // where electron-builder.yml says `models/**`.)
  '**/models/**',
  '**/assets/**',
];

/** What goes into the package: the built shell and engine, the renderer, runtime data. */
const KEEP = [
  /^\/package\.json$/,
  /^\/LICENSE$/,
  /^\/dist(\/|$)/,
  /^\/renderer(\/dist(\/|$)|$)/,
  // The catalog and bundled models; recipes/ (Python) is for developers.
  /^\/models(\/(catalog\.json|default(\/|$))|$)/,
  /^\/assets(\/|$)/,
  /^\/node_modules(\/|$)/,
];

interface ForgeResolvable {
  name: string;
  config?: unknown;
  platforms?: string[];
}

/** The part of Forge 7's ForgeConfig this file uses. */
interface ForgeConfigSubset {
  packagerConfig: {
    name: string;
    executableName: string;
    appBundleId: string;
    asar: boolean | { unpack: string };
    ignore: (path: string) => boolean;
    prune: boolean;
  };
  rebuildConfig: { onlyModules?: string[]; force?: boolean };
  hooks: { generateAssets?: () => Promise<void> };
  makers: ForgeResolvable[];
  plugins: ForgeResolvable[];
}

const config: ForgeConfigSubset = {
  packagerConfig: {
    name: 'Charkha',
    executableName: 'charkha',
    appBundleId: 'org.charkha.studio',
    // asar is required by the OnlyLoadAppFromAsar and integrity fuses.
    asar: { unpack: `{${ASAR_UNPACK.join(',')}}` },
    // Sources, tests, benches and recipes stay out; an empty path is the root.
    ignore: (path) => path !== '' && !KEEP.some((re) => re.test(path)),
    prune: true,
  },
  // better-sqlite3 must be rebuilt against Electron's ABI; onnxruntime-node ships N-API binaries.
  rebuildConfig: { onlyModules: ['better-sqlite3'], force: true },
  hooks: {
    // The same build as development and CI (tsc for main, preload and engine
    // host into dist/electron/, Vite for the renderer into renderer/dist), so
    // the package runs exactly what the tests ran. Forge's Vite plugin is not
    // used: it forces its own .vite/build layout and package.json `main`.
    generateAssets: async () => {
      execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
    },
  },
  makers: [
    { name: '@electron-forge/maker-zip', platforms: ['linux', 'darwin', 'win32'] },
    {
      name: '@electron-forge/maker-deb',
      config: {
        options: {
          name: 'charkha',
          productName: 'Charkha',
          categories: ['AudioVideo', 'Audio', 'Science'],
          section: 'sound',
          homepage: 'https://github.com/charkha',
        },
      },
    },
  ],
  plugins: [
    // Flips the fuses in the packaged binary (electron/fuses.ts).
    { name: '@electron-forge/plugin-fuses', config: fuseConfig },
  ],
};

export default config;
