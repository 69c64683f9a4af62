// Command-line arguments of the serve cli, parsed without dependencies.

import path from 'node:path';
import { DEFAULT_PORT } from './server.js';

export interface ServeArgs {
  dataDir: string;
  port: number;
  demo: boolean;
  staticDir: string | null;
  /** Back up the data folder's database to this file and exit instead of serving. */
  backup: string | null;
  /** The folder each published package is also copied to; null: none. Only this flag sets it for a server. */
  exportDir: string | null;
}

const USAGE = 'Usage: npm run serve -- --data-dir DIR [--port N] [--demo] [--static-dir DIR] [--export-dir DIR]\n       npm run serve -- --data-dir DIR --backup FILE';

export function parseServeArgs(argv: string[]): ServeArgs {
  let dataDir: string | null = null;
  let port = DEFAULT_PORT;
  let demo = false;
  let staticDir: string | null = null;
  let backup: string | null = null;
  let exportDir: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value.\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--data-dir':
        dataDir = value();
        break;
      case '--port': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be a port number.\n${USAGE}`);
        port = n;
        break;
      }
      case '--demo':
        demo = true;
        break;
      case '--static-dir':
        staticDir = value();
        break;
      case '--backup':
        backup = value();
        break;
      case '--export-dir':
        exportDir = value();
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`Unknown argument: ${arg}\n${USAGE}`);
    }
  }
  if (!dataDir) throw new Error(`--data-dir is required.\n${USAGE}`);
  // A backup copies an existing newsroom; seeding a demo one first would be a surprise.
  if (backup && demo) throw new Error(`--backup copies an existing newsroom and cannot be combined with --demo.\n${USAGE}`);
  return {
    dataDir: path.resolve(dataDir),
    port,
    demo,
    staticDir: staticDir ? path.resolve(staticDir) : null,
    backup: backup ? path.resolve(backup) : null,
    exportDir: exportDir ? path.resolve(exportDir) : null,
  };
}
