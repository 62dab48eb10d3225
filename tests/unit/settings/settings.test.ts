import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeWav } from '../../../native/audio/wav.js';
import { UserError } from '../../../native/contract/errors.js';
import { importAudio } from '../../../native/service/import-audio.js';
import { Service } from '../../../native/service/service.js';
import {
  annotatorOf,
  installationAnnotator,
  setAnnotator,
} from '../../../native/settings/annotator.js';
import { configDir, settingsPath } from '../../../native/settings/config-dir.js';
import {
  readSettings,
  updateSettings,
  writeSettings,
} from '../../../native/settings/settings-file.js';
import { Project } from '../../../native/store/project.js';
import { saveEnv } from '../../helpers/env.js';
import { tempDir } from '../../helpers/temp.js';

describe('where the installation keeps its settings', () => {
  const home = '/home/u';
  it('follows $CHARKHA_CONFIG_DIR first, then each platform’s per-user config folder', () => {
    expect(configDir({ CHARKHA_CONFIG_DIR: '/tmp/c', APPDATA: 'C:/x' }, 'win32', home)).toBe(
      '/tmp/c',
    );
    expect(configDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', home)).toBe('/xdg/charkha');
    expect(configDir({}, 'linux', home)).toBe('/home/u/.config/charkha');
    expect(configDir({ XDG_CONFIG_HOME: '/xdg' }, 'darwin', home)).toBe(
      '/home/u/Library/Application Support/charkha',
    );
    expect(configDir({ APPDATA: '/roaming' }, 'win32', home)).toBe(join('/roaming', 'charkha'));
    expect(configDir({}, 'win32', home)).toBe(join(home, 'AppData', 'Roaming', 'charkha'));
    expect(settingsPath({ CHARKHA_CONFIG_DIR: '/tmp/c' })).toBe('/tmp/c/settings.json');
  });
});

describe('the settings file', () => {
  it('reads as empty when missing, and is written whole by a rename, leaving no temporary file', () => {
    const path = join(tempDir(), 'deep', 'charkha', 'settings.json');
    expect(readSettings(path)).toEqual({});
    writeSettings({ annotator: '  లక్ష్మి ' }, path);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ annotator: 'లక్ష్మి' });
    expect(readdirSync(join(path, '..'))).toEqual(['settings.json']);
    expect(readSettings(path)).toEqual({ annotator: 'లక్ష్మి' });
  });

  it('keeps keys a newer version wrote when it changes one', () => {
    const path = join(tempDir(), 'settings.json');
    writeFileSync(path, JSON.stringify({ annotator: 'Ravi', theme: 'dark' }));
    updateSettings({ annotator: 'Lakshmi' }, path);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ annotator: 'Lakshmi', theme: 'dark' });
  });

  it('refuses a corrupt file with an error naming the file (and the field)', () => {
    const path = join(tempDir(), 'settings.json');
    writeFileSync(path, '{"annotator": "Ravi"');
    expect(() => readSettings(path)).toThrow(UserError);
    expect(() => readSettings(path)).toThrow(`${path}: settings are not valid JSON`);
    writeFileSync(path, JSON.stringify({ annotator: 7 }));
    expect(() => readSettings(path)).toThrow(`${path}: annotator:`);
    writeFileSync(path, '[]');
    expect(() => readSettings(path)).toThrow(`${path}: settings:`);
    // A failed update leaves the file as it was.
    expect(() => updateSettings({ annotator: 'Lakshmi' }, path)).toThrow(UserError);
    expect(readFileSync(path, 'utf8')).toBe('[]');
  });

  it('refuses an empty annotator name', () => {
    const path = join(tempDir(), 'settings.json');
    expect(() => setAnnotator('   ', path)).toThrow('annotator: must not be empty');
    expect(existsSync(path)).toBe(false);
  });
});

describe('the annotator name, set once per installation', () => {
  const open: Project[] = [];
  afterEach(() => {
    for (const p of open.splice(0)) p.close();
  });
  const project = () => {
    const p = Project.init(join(tempDir(), 'p'));
    open.push(p);
    return p;
  };

  it('adopts a project’s own name when the installation has none, and never overwrites one', () => {
    const path = join(tempDir(), 'settings.json');
    const legacy = project();
    legacy.annotations.setAnnotator('Ravi');
    expect(installationAnnotator(project(), path)).toBeNull();
    expect(annotatorOf(legacy, path)).toBe('Ravi');
    expect(readSettings(path)).toEqual({ annotator: 'Ravi' });
    setAnnotator('Lakshmi', path);
    expect(annotatorOf(legacy, path)).toBe('Lakshmi');
    expect(annotatorOf(project(), path)).toBe('Lakshmi');
  });

  it('falls back to $CHARKHA_ANNOTATOR while nothing is set', () => {
    const restore = saveEnv('CHARKHA_ANNOTATOR');
    process.env.CHARKHA_ANNOTATOR = 'from-env';
    try {
      expect(annotatorOf(project(), join(tempDir(), 'settings.json'))).toBe('from-env');
    } finally {
      restore();
    }
  });
});

describe('settings through the service API', () => {
  let restoreEnv: () => void;
  beforeEach(() => {
    restoreEnv = saveEnv('CHARKHA_CONFIG_DIR');
    process.env.CHARKHA_CONFIG_DIR = tempDir();
  });
  afterEach(() => restoreEnv());

  it('sets the name the screen asks for, and every edit after it records that name', async () => {
    const dir = tempDir();
    const p = Project.init(join(dir, 'p'));
    try {
      writeFileSync(join(dir, 'tone.wav'), encodeWav([new Float32Array(16000).fill(0.1)], 16000));
      const audioId = (await importAudio(p, [join(dir, 'tone.wav')])).imported[0].audioId;
      const service = new Service(p);
      const before = (await service.dispatch('settings.get', {})) as { annotator: string | null };
      expect(before.annotator).toBeNull();
      const ws = (await service.dispatch('annotations.tiers', { audioId })) as {
        tiers: { id: number; kind: string }[];
      };
      const tierId = ws.tiers.find((t) => t.kind === 'transcript')!.id;
      await expect(service.dispatch('settings.set', { annotator: ' ' })).rejects.toThrow(
        /annotator/,
      );
      const after = (await service.dispatch('settings.set', { annotator: 'Lakshmi' })) as {
        annotator: string;
        path: string;
      };
      expect(after).toMatchObject({
        annotator: 'Lakshmi',
        path: join(process.env.CHARKHA_CONFIG_DIR!, 'settings.json'),
      });
      const seg = (await service.dispatch('annotations.addSegment', {
        tierId,
        start: 0,
        end: 0.5,
      })) as { author: string };
      expect(seg.author).toBe('Lakshmi');
      expect(
        ((await service.dispatch('annotations.tiers', { audioId })) as { annotator: string })
          .annotator,
      ).toBe('Lakshmi');
    } finally {
      p.close();
    }
  });
});
