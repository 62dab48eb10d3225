import { Command } from 'commander';
import { UserError } from '../../contract/errors.js';
import { SETTING_KEYS, type SettingKey } from '../../contract/settings.js';
import { fallbackAnnotator, setAnnotator } from '../../settings/annotator.js';
import { settingsPath } from '../../settings/config-dir.js';
import { readSettings } from '../../settings/settings-file.js';
import { printJson, printLine } from '../output.js';

function settingKey(key: string): SettingKey {
  if ((SETTING_KEYS as readonly string[]).includes(key)) return key as SettingKey;
  throw new UserError(
    'bad_input',
    `config: no setting "${key}" (settings: ${SETTING_KEYS.join(', ')})`,
  );
}

/** `charkha config …`: the installation's settings, shared by every project. */
export function configCommand(): Command {
  const cmd = new Command('config').description(
    "this installation's settings (in $CHARKHA_CONFIG_DIR, else the user's config folder)",
  );
  cmd
    .command('get')
    .description('print a setting (exits 1 when it is not set)')
    .argument('<key>', `one of: ${SETTING_KEYS.join(', ')}`)
    .option('--json', 'print { key, value, path } (value null when not set)')
    .action((key: string, o: { json?: boolean }) => {
      const k = settingKey(key);
      const path = settingsPath();
      const value = readSettings(path)[k] ?? null;
      if (o.json) return printJson({ key: k, value, path });
      if (value === null)
        throw new UserError(
          'not_found',
          `${k} is not set in ${path} (edits are recorded as "${fallbackAnnotator()}" meanwhile)`,
          `set it with: charkha config set ${k} <name>`,
        );
      printLine(value);
    });
  cmd
    .command('set')
    .description('change a setting for every project of this installation')
    .argument('<key>', `one of: ${SETTING_KEYS.join(', ')}`)
    .argument('<value>', 'the new value (annotator: the name every edit records)')
    .option('--json', 'print { key, value, path }')
    .action((key: string, value: string, o: { json?: boolean }) => {
      const k = settingKey(key);
      const path = settingsPath();
      const saved = setAnnotator(value, path);
      if (o.json) printJson({ key: k, value: saved, path });
      else printLine(`${k} = ${saved} (${path})`);
    });
  return cmd;
}
