import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  CSP,
  EXTERNAL_ALLOW_LIST,
  isAllowedExternal,
  isAllowedNavigation,
  isTrustedSender,
  windowWebPreferences,
} from '../../../electron/security.js';

const mainSource = readFileSync(
  fileURLToPath(new URL('../../../electron/main.ts', import.meta.url)),
  'utf8',
);

function directives(csp: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) m.set(name, values);
  }
  return m;
}

describe('CSP', () => {
  const d = directives(CSP);

  it("runs only the app's own scripts", () => {
    expect(d.get('script-src')).toEqual(["'self'"]);
  });

  it('never allows eval, inline script or remote hosts anywhere', () => {
    expect(CSP).not.toContain("'unsafe-eval'");
    expect(CSP).not.toContain("'wasm-unsafe-eval'");
    expect(d.get('script-src')).not.toContain("'unsafe-inline'");
    expect(CSP).not.toMatch(/https?:|wss?:|\*/);
  });

  it('denies by default, and denies plugins, framing, base and forms', () => {
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
  });

  it('lets the player stream media from the app and nothing else', () => {
    expect(d.get('media-src')).toEqual(["'self'", 'blob:']);
    expect(d.get('connect-src')).toEqual(["'self'"]);
  });
});

describe('app:// scheme privileges', () => {
  it('never bypasses the CSP or opens the scheme to other origins', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      stream: true,
    });
    expect(mainSource).toMatch(/privileges: \{ \.\.\.APP_SCHEME_PRIVILEGES \}/);
  });
});

describe('windowWebPreferences', () => {
  const prefs = windowWebPreferences('/app/dist/electron/preload.cjs');

  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
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
    });
  });

  it('disables middle-click navigation', () => {
    expect(prefs.disableBlinkFeatures).toContain('Auxclick');
  });

  it('sets no option that would weaken it (no enableBlinkFeatures, no additionalArguments)', () => {
    expect(Object.keys(prefs)).not.toContain('enableBlinkFeatures');
    expect(Object.keys(prefs)).not.toContain('additionalArguments');
    expect(Object.keys(prefs)).not.toContain('enableRemoteModule');
  });

  it('is what every window in main.ts gets', () => {
    expect(mainSource.match(/new BrowserWindow\(/g)?.length ?? 0).toBeGreaterThan(0);
    expect(windowsWithoutSharedPreferences(mainSource)).toEqual([]);
    // Belt and braces: every renderer sandboxed, whatever its preferences.
    expect(mainSource).toMatch(/^app\.enableSandbox\(\);$/m);
    // And no BrowserView/WebContentsView sneaks in with preferences of its own.
    expect(mainSource).not.toMatch(/new (BrowserView|WebContentsView)\(/);
  });

  it('the source check catches a window that skips them', () => {
    const bad = `${mainSource}\nconst about = new BrowserWindow({\n  width: 400,\n  webPreferences: { preload },\n});\n`;
    expect(windowsWithoutSharedPreferences(bad)).toHaveLength(1);
    const opaque = `${mainSource}\nconst w = new BrowserWindow(options);\n`;
    expect(windowsWithoutSharedPreferences(opaque)).toHaveLength(1);
    const oneLine = `const tiny = new BrowserWindow({ width: 1 });\n${mainSource}`;
    expect(windowsWithoutSharedPreferences(oneLine)).toHaveLength(1);
  });
});

/**
 * Each `new BrowserWindow(` in a source, up to its closing `});`, that does
 * not pass `webPreferences: windowWebPreferences(`. A window built from a
 * variable counts as missing: the options must be visible here.
 */
function windowsWithoutSharedPreferences(source: string): string[] {
  const missing: string[] = [];
  for (const m of source.matchAll(/new BrowserWindow\(/g)) {
    const rest = source.slice(m.index);
    const call = /^new BrowserWindow\(\{[\s\S]*?\}\);/.exec(rest)?.[0];
    if (!call || !/webPreferences:\s*windowWebPreferences\(/.test(call))
      missing.push(call ?? rest.slice(0, 60));
  }
  return missing;
}

describe('isAllowedExternal', () => {
  it('allows https links to allow-listed hosts', () => {
    for (const host of EXTERNAL_ALLOW_LIST)
      expect(isAllowedExternal(`https://${host}/some/page?q=1`)).toBe(true);
  });

  it.each([
    'http://github.com/',
    'https://evil.example/',
    'https://github.com.evil.example/',
    'https://evilgithub.com/',
    'https://user:pass@github.com/',
    'https://user@github.com/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://charkha/index.html',
    'data:text/html,hi',
    'mailto:someone@github.com',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternal(url)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it("accepts the app's own page", () => {
    expect(isTrustedSender(`${APP_ORIGIN}/`)).toBe(true);
    expect(isTrustedSender(`${APP_ORIGIN}/index.html#/runs/3`)).toBe(true);
  });

  it.each([
    null,
    undefined,
    '',
    'null',
    'file:///app/renderer/dist/index.html',
    'http://localhost:5173/',
    'http://127.0.0.1/',
    'https://charkha/',
    'app://evil/',
    'app://charkha.evil/',
    'app://charkha:8080/',
    'app://user@charkha/',
    'app://user:pw@charkha/',
    'about:blank',
    'about:srcdoc',
    'blob:app://charkha/2f1c-uuid',
    'data:text/html,<script>1</script>',
    'devtools://devtools/bundled/index.html',
  ])('refuses %s', (url) => {
    expect(isTrustedSender(url)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('stays on the app origin', () => {
    expect(isAllowedNavigation(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAllowedNavigation('https://github.com/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
  });
});
