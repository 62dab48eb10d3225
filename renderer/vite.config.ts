import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// Config files are the one place a default export is required by the tool (the lint
// exemption covers only root-level configs, so it is stated here).
export default defineConfig({
  root,
  // Relative asset URLs, so the same build loads from charkha serve and from Electron's app:// protocol.
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Fonts and everything else ship as files: the CSP forbids data: fonts and nothing may be fetched remotely.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
});
