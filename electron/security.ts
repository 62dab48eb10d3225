/**
 * The desktop shell's security policy in one place, free of `electron`
 * imports so that it can be unit-tested without the Electron binary.
 */

/** The renderer's origin: everything it loads comes from `app://charkha/`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'charkha';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Privileges of the app:// scheme: a standard, secure origin that fetch and
 * media streaming work on. Deliberately without `bypassCSP` and
 * `corsEnabled`: the CSP applies and no other origin may read from it.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  stream: true,
} as const;

/**
 * Content Security Policy for every response of the app:// protocol. No
 * inline or remote scripts, no plugins, no framing; media and data only from
 * the app itself.
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The subset of Electron's WebPreferences the shell sets, all of them deliberately. */
export interface ShellWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: false;
  /** Middle-click opens no window by itself (window-open is denied too; this is belt and braces). */
  disableBlinkFeatures: 'Auxclick';
}

/** webPreferences of every window the shell opens (there is one kind: the main window). */
export function windowWebPreferences(preload: string): ShellWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    disableBlinkFeatures: 'Auxclick',
  };
}

/** Sites a link in the app may open in the user's browser; anything else is refused. */
export const EXTERNAL_ALLOW_LIST: readonly string[] = [
  'github.com',
  'huggingface.co',
  'www.gnu.org',
  'creativecommons.org',
  'unicode.org',
  'cldr.unicode.org',
];

export function isAllowedExternal(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return (
    u.protocol === 'https:' &&
    u.username === '' &&
    u.password === '' &&
    EXTERNAL_ALLOW_LIST.includes(u.hostname)
  );
}

/**
 * Whether an IPC message comes from the app's own page. Checked on every
 * message: a frame navigated elsewhere (it cannot, but defence in depth) or
 * a subframe from another origin gets nothing.
 */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  if (!frameUrl) return false;
  try {
    const u = new URL(frameUrl);
    // `app://x@charkha/` parses with host `charkha`: credentials are refused outright.
    return (
      u.protocol === `${APP_SCHEME}:` &&
      u.host === APP_HOST &&
      u.username === '' &&
      u.password === ''
    );
  } catch {
    return false;
  }
}

/** In-app navigation stays on the app origin; everything else is denied. */
export function isAllowedNavigation(url: string): boolean {
  return isTrustedSender(url);
}
