// `server/cli.ts` run as its own process, as `npm run serve` runs it: everything it prints, the
// address it says to open, and how it exits.

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

export interface Cli {
  child: ChildProcess;
  output: () => string;
  /** The address from its "Open …" line; rejects when it exits first. */
  url: Promise<string>;
  exit: Promise<number | null>;
}

export function startCli(args: string[]): Cli {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'server/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (https?:\/\/\S+?)\/?$/m.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exit.then((code) => reject(new Error(`cli exited with ${code}:\n${output}`)));
  });
  url.catch(() => undefined);
  return { child, output: () => output, url, exit };
}

export async function stopCli(cli: Cli): Promise<void> {
  cli.child.kill('SIGTERM');
  await cli.exit;
}
