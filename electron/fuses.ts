import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/**
 * Electron fuses, flipped in the packaged binary (the one config for both
 * Forge's plugin-fuses and electron-builder's afterPack hook). Fuses are
 * compiled into the executable, so a packaged Charkha cannot be turned into a
 * general-purpose Node runtime or debugged into by whoever can set its
 * environment or arguments.
 *
 * Every option @electron/fuses knows is set explicitly (a unit test checks
 * it), so an upgrade that adds a fuse forces a decision here.
 * `strictlyRequireAllFuses` stays off: it also fails when the Electron binary
 * carries a fuse newer than this @electron/fuses release knows, which would
 * break packaging on an Electron upgrade for no security gain.
 */
export const fuseConfig = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would make the signed app binary run any script.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and storage encrypted with the OS keychain, at rest.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could preload arbitrary code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would let anyone attach a debugger to the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash embedded at packaging time (macOS, Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // The app loads only from app.asar, never from a loose folder dropped next to it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Charkha ships no browser-process-specific V8 snapshot.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The app uses app://, never file://; file:// gets no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} satisfies FuseV1Config;
