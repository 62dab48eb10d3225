import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, resolveInside } from '../../../electron/app-paths.js';

const root = mkdtempSync(join(tmpdir(), 'charkha-root-'));

describe('resolveInside', () => {
  it('maps normal nested files inside the root', () => {
    expect(resolveInside(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveInside(root, '/assets/index-abc123.js')).toBe(
      join(root, 'assets', 'index-abc123.js'),
    );
    expect(resolveInside(root, '/assets//fonts/noto.woff2')).toBe(
      join(root, 'assets', 'fonts', 'noto.woff2'),
    );
    // Percent-encoded ordinary characters are decoded.
    expect(resolveInside(root, '/assets/a%20b.png')).toBe(join(root, 'assets', 'a b.png'));
    expect(resolveInside(root, '/assets/%E0%A4%95.svg')).toBe(join(root, 'assets', 'क.svg'));
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '..',
    '/..',
    '/assets/..',
    '/./index.html',
    '/%2e%2e/etc/passwd',
    '/%2E%2E/etc/passwd',
    '/%2E%2E%2Fetc%2Fpasswd',
    '/%2e%2e%2f%2e%2e%2fetc/passwd',
    '/..%2fetc/passwd',
    '/assets%2f..%2f..%2fetc',
    '/assets%2Findex.js',
    '/assets%5cindex.js',
    '/..\\etc\\passwd',
    '/assets\\..\\..\\etc',
    '\\etc\\passwd',
    '/C:\\Windows\\win.ini',
    '/C:/Windows/win.ini',
    'C:\\Windows\\win.ini',
    '/c:',
    '/index.html:stream',
    '/index.html%00.png',
    '/index.html\0',
    '/%zz',
    '/%E0%A4',
    '/%',
  ])('refuses %s', (p) => {
    expect(resolveInside(root, p)).toBeNull();
  });

  it('never leaves the root for an absolute-looking path', () => {
    // `//etc/passwd` and `/etc/passwd` are paths inside the root, never /etc itself.
    for (const p of ['/etc/passwd', '//etc/passwd', '///etc/passwd']) {
      const r = resolveInside(root, p);
      expect(r).toBe(join(root, 'etc', 'passwd'));
      expect(isInside(root, r!)).toBe(true);
    }
  });

  it('refuses the root itself as a file', () => {
    expect(resolveInside(root, '/')).toBeNull();
    expect(resolveInside(root, '')).toBeNull();
  });
});

describe('isInside', () => {
  it('is true only strictly below the root', () => {
    expect(isInside(root, join(root, 'a', 'b.wav'))).toBe(true);
    expect(isInside(root, root)).toBe(false);
    expect(isInside(root, resolve(root, '..'))).toBe(false);
    expect(isInside(root, join(root, '..', 'other', 'x.wav'))).toBe(false);
    expect(isInside(root, `${root}-sibling${sep}x.wav`)).toBe(false);
    expect(isInside(root, '/etc/passwd')).toBe(false);
    expect(isInside(root, join(root, 'a', '..', '..', 'x'))).toBe(false);
  });
});
