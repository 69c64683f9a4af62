// What the environment may change about how the desktop app starts. The NEWSDESK_* variables
// exist for development and tests (a Vite dev server, a renderer build elsewhere, a throw-away
// data folder, the first-run answer). An installed app ignores them all: otherwise anyone who
// can set a variable for the person's session could point the window at their own page or the
// newsroom at their own folder.

import path from 'node:path';

export interface LaunchOptions {
  /** A Vite dev server the window loads instead of the built renderer. */
  devUrl: string | null;
  /** Where the built renderer is. */
  rendererDir: string;
  /** A data folder instead of the one in the app's user-data folder. */
  dataDir: string | null;
  /** The answer to the first-run question, when a test gives it. */
  firstRun: 'demo' | 'empty' | null;
}

type Env = Readonly<Record<string, string | undefined>>;

export function launchOptions(env: Env, isPackaged: boolean, defaultRendererDir: string): LaunchOptions {
  if (isPackaged) return { devUrl: null, rendererDir: defaultRendererDir, dataDir: null, firstRun: null };
  const firstRun = env.NEWSDESK_FIRST_RUN;
  return {
    devUrl: env.NEWSDESK_DEV_URL || null,
    rendererDir: env.NEWSDESK_RENDERER_DIR ? path.resolve(env.NEWSDESK_RENDERER_DIR) : defaultRendererDir,
    dataDir: env.NEWSDESK_DATA_DIR ? path.resolve(env.NEWSDESK_DATA_DIR) : null,
    firstRun: firstRun === 'demo' || firstRun === 'empty' ? firstRun : null,
  };
}
