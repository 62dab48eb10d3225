// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noDefaultExport = {
  selector: 'ExportDefaultDeclaration',
  message: 'Use named exports (see DESIGN: no default exports).',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'out/**',
      'coverage/**',
      'tests/fixtures/**',
      'renderer/dist/**',
      'models/recipes/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-syntax': ['error', noDefaultExport],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The engine never reaches into a face: no Electron, no DOM, no renderer.
    files: ['native/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'native/ is plain Node: it never imports electron.' },
          ],
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'native/ never imports a face.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer talks to the engine only through the Bridge and the contract's types.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer uses window.charkha, never electron.' },
          ],
          patterns: [
            {
              group: [
                '**/native/*',
                '**/native/**',
                '!**/native/contract',
                '!**/native/contract/**',
              ],
              message: 'The renderer may import only from native/contract.',
            },
            {
              // lang-scripts imports nothing: its table is shared with the engine, not copied.
              regex: '/native/contract(/(?!lang-scripts\\.js$).*)?$',
              allowTypeImports: true,
              message: 'Only types from native/contract (values only from lang-scripts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      '*.config.{js,ts}',
      'forge.config.ts',
      'eslint.config.js',
      'renderer/vite.config.ts',
      'tests/e2e/global-setup.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
