import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlywheelConfig, parseFlywheelConfig } from '../../../native/flywheel/config.js';
import { tempDir } from '../../helpers/temp.js';
import { SMALL_YAML, tinyConfig } from './helpers.js';

const base = () => JSON.parse(JSON.stringify(tinyConfig())) as Record<string, unknown>;

describe('flywheel configuration', () => {
  it('reads YAML and JSON and fills defaults', () => {
    const c = loadFlywheelConfig(SMALL_YAML);
    expect(c.name).toBe('small');
    expect(c.filter).toMatchObject({ enabled: true, cer_max: 0.5, splits: ['train'] });
    expect(c.augment.test).toEqual([]);
    const file = join(tempDir(), 'job.json');
    writeFileSync(file, JSON.stringify(base()));
    expect(loadFlywheelConfig(file)).toEqual(tinyConfig());
  });

  it('names the field at fault', () => {
    const bad = (patch: Record<string, unknown>) => () =>
      parseFlywheelConfig({ ...base(), ...patch }, 'job.yaml');
    expect(bad({ languages: [{ lang: 'hi', count: 0 }] })).toThrow(
      /job\.yaml: languages\[0\]\.count/,
    );
    expect(bad({ classes: ['digits', 'weather'] })).toThrow(/classes\[1\]/);
    expect(bad({ filter: { cer_max: -1 } })).toThrow(/filter\.cer_max/);
    expect(bad({ colour: 'red' })).toThrow(/colour/);
    expect(bad({ augment: { train: 'no-such-preset' } })).toThrow(
      /augment\.train: .*neither a preset nor JSON/,
    );
    expect(bad({ tts: { train_voices: [], test_voices: [{}] } })).toThrow(/tts\.train_voices/);
    expect(bad({ exports: [{ format: 'csv' }] })).toThrow(/exports\[0\]\.format/);
    // A language the generator has no lexicon for, named by its place in the list.
    expect(
      bad({
        languages: [
          { lang: 'hi', count: 2 },
          { lang: 'xx', count: 2 },
        ],
      }),
    ).toThrow(/job\.yaml: languages\[1\]\.lang: no lexicon for "xx" \(have .*hi.*\)/);
  });

  it('refuses a test voice that also speaks training data', () => {
    const c = base();
    c.tts = {
      train_voices: [{ variant: 'm1' }, { variant: 'f4' }],
      test_voices: [{ variant: 'f4' }],
    };
    expect(() => parseFlywheelConfig(c, 'job.yaml')).toThrow(
      /tts\.test_voices: voice hi\+f4 is also a training voice; test voices must be held out/,
    );
  });

  it('refuses to filter the test split with the model it evaluates', () => {
    const c = base();
    c.filter = { splits: ['train', 'test'] };
    expect(() => parseFlywheelConfig(c, 'job.yaml')).toThrow(
      /filter\.splits: the test split of hi would be filtered by fake-hi, the model it evaluates/,
    );
    // Without a filter there is nothing to refuse.
    c.filter = { enabled: false, splits: ['train', 'test'] };
    expect(parseFlywheelConfig(c).filter.enabled).toBe(false);
  });

  it('says which file is missing or unreadable', () => {
    expect(() => loadFlywheelConfig('/no/such/job.yaml')).toThrow(/no such file/);
    const file = join(tempDir(), 'bad.yaml');
    writeFileSync(file, 'name: [unclosed\n');
    expect(() => loadFlywheelConfig(file)).toThrow(/bad\.yaml: not valid YAML/);
  });
});
