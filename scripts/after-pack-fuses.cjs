// electron-builder `afterPack` hook: flips the Electron fuses in the packaged
// binary, with the one fuse config in electron/fuses.ts (Forge's plugin-fuses
// uses the same). CommonJS because electron-builder requires its hooks; the
// config comes from the build (`npm run build`, which packaging runs first).
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads hooks as CommonJS. */
const path = require('node:path');
const { pathToFileURL } = require('node:url');
/* eslint-enable @typescript-eslint/no-require-imports */

// electron-builder's Arch enum: arm64 = 3, universal = 4.
const ARCH_ARM64 = 3;
const ARCH_UNIVERSAL = 4;

/** The Electron executable electron-builder just laid out, per platform. */
function executableOf(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const product = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${product}.app`);
    case 'win32':
      return path.join(appOutDir, `${product}.exe`);
    default:
      return path.join(appOutDir, packager.executableName);
  }
}

exports.executableOf = executableOf;

exports.default = async function afterPack(context) {
  const root = path.join(__dirname, '..');
  const { fuseConfig } = await import(
    pathToFileURL(path.join(root, 'dist', 'electron', 'fuses.js')).href
  );
  const { flipFuses } = await import('@electron/fuses');
  const target = executableOf(context);
  await flipFuses(target, {
    ...fuseConfig,
    // Flipping fuses breaks an ad-hoc signature on Apple silicon; re-sign ad hoc.
    resetAdHocDarwinSignature:
      context.electronPlatformName === 'darwin' &&
      (context.arch === ARCH_ARM64 || context.arch === ARCH_UNIVERSAL),
  });
  process.stdout.write(`charkha: fuses flipped in ${target}\n`);
};
