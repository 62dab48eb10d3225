// `npm start`: the desktop app. It needs the Electron binary (downloaded by
// electron's install step where the network allows) and the built shell.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';

const require = createRequire(import.meta.url);
let electron = null;
try {
  electron = require('electron');
} catch {
  electron = null;
}
if (typeof electron !== 'string' || !existsSync(electron)) {
  process.stderr.write(
    'charkha: the Electron binary is not installed on this machine (installs skip its download where the network is closed).\n' +
      '  Use browser mode instead: npx charkha serve -p <project>, then open the printed URL.\n',
  );
  process.exit(1);
}
if (!existsSync('dist/electron/main.js')) {
  process.stderr.write(
    'charkha: the desktop shell is not built yet (dist/electron/main.js); run `npm run build`.\n',
  );
  process.exit(1);
}
spawn(electron, ['.'], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
