// Finding Electron's binary must never start its download (requiring the electron package does,
// since Electron 45, when the binary is missing).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinary } from '../../../scripts/electronBinary.mjs';

const made: string[] = [];
function project(withPathFile: boolean, withBinary: boolean): string {
  const root = mkdtempSync(path.join(tmpdir(), 'newsdesk-electron-bin-'));
  made.push(root);
  writeFileSync(path.join(root, 'package.json'), '{"name":"p"}');
  const pkg = path.join(root, 'node_modules', 'electron');
  mkdirSync(path.join(pkg, 'dist'), { recursive: true });
  // index.js would download: finding the binary must not load it.
  writeFileSync(path.join(pkg, 'package.json'), '{"name":"electron","main":"index.js"}');
  writeFileSync(path.join(pkg, 'index.js'), 'throw new Error("the electron package was loaded");');
  if (withPathFile) writeFileSync(path.join(pkg, 'path.txt'), 'electron');
  if (withBinary) writeFileSync(path.join(pkg, 'dist', 'electron'), '');
  return root;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('electronBinary', () => {
  it('finds an installed binary from path.txt', () => {
    const root = project(true, true);
    expect(electronBinary(root)).toEqual({ bin: path.join(root, 'node_modules', 'electron', 'dist', 'electron') });
  });

  it('says why when the download was skipped, without loading the package', () => {
    // npm install never downloads it (Electron 45 has no install step): the message says so rather than "not installed".
    expect(electronBinary(project(false, false))).toMatchObject({ bin: null, reason: 'the Electron binary has not been downloaded' });
    expect(electronBinary(project(true, false))).toMatchObject({ bin: null, reason: expect.stringContaining('not installed') });
  });

  it('says so when the electron package itself is missing', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'newsdesk-electron-bin-'));
    made.push(root);
    writeFileSync(path.join(root, 'package.json'), '{"name":"p"}');
    expect(electronBinary(root)).toEqual({ bin: null, reason: 'the electron package is not installed' });
  });
});
