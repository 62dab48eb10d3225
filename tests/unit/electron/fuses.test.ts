import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { fuseConfig } from '../../../electron/fuses.js';

describe('fuses', () => {
  it('is a V1 fuse config', () => {
    expect(fuseConfig.version).toBe(FuseVersion.V1);
  });

  it('sets each fuse as the security checklist asks', () => {
    expect(fuseConfig[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuseConfig[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuseConfig[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuseConfig[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(fuseConfig[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuseConfig[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(fuseConfig[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuseConfig[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(false);
  });

  it('decides every fuse @electron/fuses knows (none left to inherit)', () => {
    const known = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number');
    expect(known.length).toBeGreaterThanOrEqual(8);
    const config = fuseConfig as unknown as Record<number, unknown>;
    for (const fuse of known) expect(typeof config[fuse], FuseV1Options[fuse]).toBe('boolean');
  });
});
