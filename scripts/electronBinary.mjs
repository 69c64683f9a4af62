// Where the Electron binary is, without `require('electron')`: since Electron 45 that require
// starts a download from outside the package registry when the binary is missing, so asking
// "is it installed?" would itself reach for the network. The package records the binary's path
// inside its folder in path.txt once its install step has put it there.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The Electron binary for the project at `root`: { bin } or { bin: null, reason }. */
export function electronBinary(root) {
  let dir;
  try {
    dir = path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { bin: null, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return { bin: null, reason: 'the Electron binary has not been downloaded' };
  const bin = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? { bin } : { bin: null, reason: `the Electron binary is not installed (no ${bin})` };
}
