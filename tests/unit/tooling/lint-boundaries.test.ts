// The import boundaries between folders, checked through ESLint's Node API on small snippets
// placed (in memory) at paths inside each folder.

import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
// The snippets' files do not exist, so the type-aware rules (which need the TypeScript project) are off here.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/await-thenable': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('lint import boundaries', () => {
  const refused: [string, string][] = [
    ['renderer/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
    ['renderer/x.ts', "import fs from 'fs';\nexport const f = fs;\n"],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const f = ipcRenderer;\n"],
    ['renderer/deep/x.tsx', "import Database from 'better-sqlite3';\nexport const f = Database;\n"],
    ['renderer/deep/x.ts', "import { openDb } from '../../db/sqlite/connection.js';\nexport const f = openDb;\n"],
    ['renderer/x.ts', "import { createCore } from '../core/core.js';\nexport const f = createCore;\n"],
    ['renderer/x.ts', "import { createHttpBridge } from '../server/server.js';\nexport const f = createHttpBridge;\n"],
    ['core/x.ts', "import { app } from 'electron';\nexport const f = app;\n"],
    ['core/handlers/x.ts', "import { BrowserWindow } from 'electron';\nexport const f = BrowserWindow;\n"],
    ['core/x.ts', "import { registerIpc } from '../electron/main/ipc.js';\nexport const f = registerIpc;\n"],
    ['core/x.ts', "import { createHttpBridge } from '../server/server.js';\nexport const f = createHttpBridge;\n"],
    ['server/x.ts', "import { app } from 'electron';\nexport const f = app;\n"],
    ['server/x.ts', "import { registerIpc } from '../electron/main/ipc.js';\nexport const f = registerIpc;\n"],
    ['shared/x.ts', "import { createCore } from '../core/core.js';\nexport const f = createCore;\n"],
    ['db/x.ts', "import { app } from 'electron';\nexport const f = app;\n"],
    ['db/x.ts', "import sharp from 'sharp';\nexport const f = sharp;\n"],
    ['db/x.ts', "import { createCore } from '../core/core.js';\nexport const f = createCore;\n"],
    ['shared/x.ts', "import path from 'node:path';\nexport const f = path;\n"],
    ['shared/x.ts', "import { app } from 'electron';\nexport const f = app;\n"],
    ['shared/x.ts', "import { useState } from 'react';\nexport const f = useState;\n"],
    ['shared/x.ts', 'export const f = () => document.title;\n'],
    ['desktop/x.ts', "import { app } from 'electron';\nexport const f = app;\n"],
    ['desktop/x.ts', "import { registerIpc } from '../electron/main/ipc.js';\nexport const f = registerIpc;\n"],
    ['desktop/x.ts', "import { api } from '../renderer/api/client.js';\nexport const f = api;\n"],
    ['core/x.ts', "import { DesktopShell } from '../desktop/desktopShell.js';\nexport const f = DesktopShell;\n"],
    ['db/x.ts', "import { Outbox } from '../desktop/outbox.js';\nexport const f = Outbox;\n"],
    ['shared/x.ts', "import { Outbox } from '../desktop/outbox.js';\nexport const f = Outbox;\n"],
    ['renderer/x.ts', "import { DesktopShell } from '../desktop/desktopShell.js';\nexport const f = DesktopShell;\n"],
  ];
  it.each(refused)('%s: refuses %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).not.toEqual([]);
  });

  const allowed: [string, string][] = [
    ['renderer/x.ts', "import { api } from './api/client.js';\nimport { countWords } from '../shared/text.js';\nexport const f = [api, countWords];\n"],
    [
      'core/x.ts',
      "import { promises } from 'node:fs';\nimport { ApiError } from '../shared/errors.js';\nimport { getStory } from '../db/stories.js';\nexport const f = [promises, ApiError, getStory];\n",
    ],
    ['server/x.ts', "import http from 'node:http';\nimport { createCore } from '../core/core.js';\nexport const f = [http, createCore];\n"],
    [
      'db/x.ts',
      "import Database from 'better-sqlite3';\nimport { zlibSync } from 'fflate';\nimport path from 'node:path';\nimport type { Story } from '../shared/domain.js';\nexport type S = Story;\nexport const f = [Database, zlibSync, path];\n",
    ],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { createCore } from '../../core/core.js';\nexport const f = [app, createCore];\n"],
    [
      'desktop/x.ts',
      "import https from 'node:https';\nimport { createCore } from '../core/core.js';\nimport { openDesktopDatabase } from '../db/desktop/index.js';\nimport type { TransportCore } from '../server/coreApi.js';\nexport type T = TransportCore;\nexport const f = [https, createCore, openDesktopDatabase];\n",
    ],
    ['server/x.ts', "import { DesktopShell } from '../desktop/desktopShell.js';\nexport const f = DesktopShell;\n"],
    ['shared/x.ts', "import { z } from 'zod';\nimport { ApiError } from './errors.js';\nexport const f = [z, ApiError];\n"],
  ];
  it.each(allowed)('%s: allows %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
