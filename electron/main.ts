// The desktop shell: lifecycle, the window, menus and dialogs, the app://
// protocol and the IPC relay. The engine runs in a utility process; this
// process only relays and never touches SQLite or models.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  shell,
  utilityProcess,
  type MenuItemConstructorOptions,
} from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EngineClient } from './engine-client.js';
import { CHANNEL_CALL, CHANNEL_EVENT, relayCall, senderUrlOf } from './ipc-contract.js';
import { appProtocolHandler } from './protocol.js';
import { addRecent, readRecent } from './recent.js';
import {
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  isAllowedExternal,
  isAllowedNavigation,
  windowWebPreferences,
} from './security.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererRoot = join(here, '..', '..', 'renderer', 'dist');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } },
]);

// Every renderer sandboxed, whatever a window's webPreferences say.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;
let engine: EngineClient | null = null;

app.on('second-instance', () => {
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
});

// Every web contents, present and future: no navigation away from the app,
// no new windows (allowed links open in the user's browser), no webviews.
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (e, url) => {
    if (!isAllowedNavigation(url)) e.preventDefault();
  });
  contents.on('will-redirect', (e, url) => {
    if (!isAllowedNavigation(url)) e.preventDefault();
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

function startEngine(): EngineClient {
  const child = utilityProcess.fork(join(here, 'engine-host.js'), [], {
    serviceName: 'Charkha engine',
    stdio: 'inherit',
  });
  return new EngineClient(child, (event) => mainWindow?.webContents.send(CHANNEL_EVENT, event));
}

async function openProject(dir: string, create: boolean): Promise<void> {
  if (!engine) return;
  try {
    await engine.request({ kind: create ? 'init' : 'open', dir });
    addRecent(app.getPath('userData'), dir);
    buildMenu();
    mainWindow?.webContents.reload();
  } catch (e) {
    dialog.showErrorBox('Charkha could not open the project', (e as Error).message);
  }
}

async function chooseProject(create: boolean): Promise<void> {
  const r = await dialog.showOpenDialog({
    title: create ? 'Create a Charkha project in…' : 'Open a Charkha project',
    properties: create ? ['openDirectory', 'createDirectory'] : ['openDirectory'],
  });
  if (!r.canceled && r.filePaths[0]) await openProject(r.filePaths[0], create);
}

function buildMenu(): void {
  const recent = readRecent(app.getPath('userData'));
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        {
          label: 'New Project…',
          accelerator: 'CmdOrCtrl+N',
          click: () => void chooseProject(true),
        },
        {
          label: 'Open Project…',
          accelerator: 'CmdOrCtrl+O',
          click: () => void chooseProject(false),
        },
        {
          label: 'Open Recent',
          submenu: recent.length
            ? recent.map((d) => ({ label: d, click: () => void openProject(d, false) }))
            : [{ label: 'No recent projects', enabled: false }],
        },
        { type: 'separator' },
        {
          label: 'Import Audio…',
          click: () =>
            mainWindow?.webContents.send(CHANNEL_EVENT, {
              kind: 'log',
              level: 'info',
              message: 'menu:import-audio',
            }),
        },
        {
          label: 'Import Corpus…',
          click: () =>
            mainWindow?.webContents.send(CHANNEL_EVENT, {
              kind: 'log',
              level: 'info',
              message: 'menu:import-corpus',
            }),
        },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    show: false,
    title: 'Charkha',
    webPreferences: windowWebPreferences(join(here, 'preload.cjs')),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

void app.whenReady().then(async () => {
  // The renderer needs no device or notification permissions.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  engine = startEngine();
  protocol.handle(
    APP_SCHEME,
    appProtocolHandler(
      rendererRoot,
      async (audioId, variant) => {
        const r = (await engine!.request({ kind: 'media', audioId, variant })) as {
          path: string;
          ext: string;
          root: string;
        } | null;
        return r;
      },
      async (route) =>
        (await engine!.request({
          kind: 'peaks',
          audioId: route.audioId,
          pixels: route.pixels,
        })) as Uint8Array | null,
    ),
  );
  // Resolves to an envelope, never rejects: see IpcEnvelope in ipc-contract.ts.
  ipcMain.handle(CHANNEL_CALL, (event, method: unknown, payload: unknown) =>
    relayCall(senderUrlOf(event.senderFrame), method, payload, (m, p) =>
      engine!.request({ kind: 'call', method: m, payload: p }),
    ),
  );
  buildMenu();
  const first =
    process.argv.find((a) => a.startsWith('--project='))?.slice('--project='.length) ??
    readRecent(app.getPath('userData'))[0];
  if (first) await openProject(first, false);
  createWindow();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
