import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { SummaryLineReporter } from './tests/reporters/summary-line.js';

// Config files are the one place a default export is required by the tool.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Never the developer's own settings (their annotator name would land in exported files).
    env: { CHARKHA_CONFIG_DIR: join(tmpdir(), `charkha-vitest-config-${process.pid}`) },
    reporters: ['default', new SummaryLineReporter()],
  },
});
