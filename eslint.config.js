// ESLint flat config. Besides the usual TypeScript rules it enforces the import boundaries
// between folders: each folder may import only what runs where its code runs.

import js from '@eslint/js';
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const builtinRegex = `^(node:.*|${nodeBuiltins.map(escape).join('|')})(/.*)?$`;

const rule = (message, regex) => ({ regex, message });
const NODE = (where) => rule(`${where} must not import Node built-ins.`, builtinRegex);
const ELECTRON = (where) => rule(`${where} must not import electron: only electron/main and electron/preload may.`, '^electron(/.*)?$');

/** The folders and what they must not import. */
const boundaries = [
  {
    files: ['shared/**/*.{ts,tsx}'],
    patterns: [
      NODE('shared/'),
      ELECTRON('shared/'),
      rule('shared/ runs anywhere: no React, UI or native libraries.', '^(react|react-dom|zustand|@tiptap/.*|better-sqlite3|sharp)(/.*)?$'),
      rule('shared/ may import only shared/.', '^(\\.\\./)+(db|core|server|electron|renderer|tests|desktop)(/.*)?$'),
    ],
    // No DOM in shared/: it also runs in the main process.
    globals: ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement', 'Element', 'DOMParser', 'EventSource', 'XMLHttpRequest'],
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    patterns: [
      NODE('renderer/'),
      ELECTRON('renderer/'),
      rule('renderer/ runs in the browser: no native modules.', '^(better-sqlite3|sharp)(/.*)?$'),
      rule(
        'renderer/ talks to the core only through the NewsdeskApi client (renderer/api/client.ts), never db/, core/, server/, desktop/ or electron/.',
        '^(\\.\\./)+(db|core|server|electron|desktop)(/.*)?$',
      ),
    ],
  },
  {
    files: ['core/**/*.ts'],
    patterns: [
      ELECTRON('core/'),
      rule('core/ is plain Node: it must not import the desktop shell, the server or the renderer.', '^(\\.\\./)+(electron|server|renderer|desktop)(/.*)?$'),
    ],
  },
  {
    files: ['db/**/*.ts'],
    patterns: [
      ELECTRON('db/'),
      rule(
        'db/ may import only shared/, better-sqlite3, pg, fflate and Node built-ins.',
        `^(?!\\.|node:|better-sqlite3$|pg$|fflate$|(${nodeBuiltins.map(escape).join('|')})(/.*)?$).+`,
      ),
      rule('db/ may import only shared/ among the project folders.', '^(\\.\\./)+(core|server|electron|renderer|tests|desktop)(/.*)?$'),
    ],
  },
  {
    files: ['server/**/*.ts'],
    patterns: [
      ELECTRON('server/'),
      rule('server/ serves the core over HTTP: it must not import the desktop shell or the renderer.', '^(\\.\\./)+(electron|renderer)(/.*)?$'),
    ],
  },
  {
    // The connected desktop's main-process code runs in Electron main and in `serve --connect` alike.
    files: ['desktop/**/*.ts'],
    patterns: [
      ELECTRON('desktop/'),
      rule(
        'desktop/ is plain Node for Electron main and serve --connect: it must not import the Electron shell or the renderer.',
        '^(\\.\\./)+(electron|renderer)(/.*)?$',
      ),
    ],
  },
  {
    files: ['electron/**/*.ts'],
    patterns: [rule('The desktop shell must not import the renderer.', '^(\\.\\./)+renderer(/.*)?$')],
  },
];

const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'fetch',
    'AbortController',
    'TextEncoder',
    'TextDecoder',
    '__dirname',
    '__filename',
    'require',
    'module',
    'globalThis',
  ].map((g) => [g, 'readonly']),
);

export default tseslint.config(
  {
    ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/**', '**/*.d.ts'],
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: nodeGlobals },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    rules: {
      // TypeScript checks names; no-undef only misfires on types and globals.
      'no-undef': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      'no-control-regex': 'off',
    },
  },
  {
    // Storage is asynchronous: a statement whose promise nobody awaits would run outside its
    // transaction (or after it ended), so every promise in the Node code must be awaited or handed on.
    files: ['core/**/*.ts', 'db/**/*.ts', 'server/**/*.ts', 'desktop/**/*.ts', 'electron/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  ...boundaries.map(({ files, patterns, globals }) => ({
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns }],
      ...(globals ? { 'no-restricted-globals': ['error', ...globals.map((name) => ({ name, message: 'shared/ runs in Node too: no DOM globals.' }))] } : {}),
    },
  })),
);
