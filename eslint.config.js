// ESLint flat config: typescript-eslint everywhere, react-hooks in the renderer, and the
// boundaries of the architecture (core/ has no I/O; raw IPC lives in two files only).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const rawIpc = {
  paths: [
    {
      name: 'electron',
      importNames: ['ipcMain', 'ipcRenderer'],
      message: 'Raw IPC belongs in electron/main/ipc.ts and electron/preload/index.ts only.',
    },
  ],
};

// Outside core/, core is imported as '#core/...' (package.json "imports"), never by relative path.
const coreAlias = {
  regex: '^(\\.\\./)+core/',
  message: "Import core/ as '#core/...', so that the layer shows in the import.",
};

/** A layer's files may not import the folders `forbidden` matches (raw IPC and core by path neither). */
function layer(files, forbidden, message) {
  return {
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...rawIpc, patterns: [coreAlias, { regex: forbidden, message }] },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      'release/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
      'docs/screenshots/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { ...rawIpc, patterns: [coreAlias] }],
    },
  },
  {
    files: [
      'electron/main/ipc.ts',
      'electron/preload/index.ts',
      'electron/test/**',
      'electron/**/*.test.ts',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'bench/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // The layers: the renderer talks to the host only through the KioskApi contract in core/;
  // the host is shared by both shells, so it never reaches into either of them.
  layer(
    'renderer/**/*.{ts,tsx}',
    '(^|/)(host|electron)/',
    'The renderer imports core/ only: the host is reached through KioskApi.',
  ),
  layer(
    'host/**/*.ts',
    '(^|/)(renderer|electron)/',
    'The host is shared by both shells: it never imports electron/ or renderer/.',
  ),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'electron', 'react', 'react-dom', 'react/*'],
              message: 'core/ is pure: no I/O or platform modules.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'require',
        'navigator',
        'localStorage',
      ],
    },
  },
);
