import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchOptions } from '../../../electron/main/launchOptions.js';

const env = {
  NEWSDESK_DEV_URL: 'http://127.0.0.1:5173',
  NEWSDESK_RENDERER_DIR: 'elsewhere/renderer',
  NEWSDESK_DATA_DIR: '/tmp/other-newsroom',
  NEWSDESK_FIRST_RUN: 'demo',
};

describe('desktop launch options', () => {
  it('an unpackaged app (npm start, dev, tests) follows the NEWSDESK_* variables', () => {
    expect(launchOptions(env, false, '/app/dist/renderer')).toEqual({
      devUrl: 'http://127.0.0.1:5173',
      rendererDir: path.resolve('elsewhere/renderer'),
      dataDir: '/tmp/other-newsroom',
      firstRun: 'demo',
    });
  });

  it('an installed app ignores them: its own renderer, its own data folder, the first-run question asked', () => {
    expect(launchOptions(env, true, '/app/dist/renderer')).toEqual({
      devUrl: null,
      rendererDir: '/app/dist/renderer',
      dataDir: null,
      firstRun: null,
    });
  });

  it('without variables an unpackaged app uses its defaults; an unknown first-run answer is ignored', () => {
    expect(launchOptions({ NEWSDESK_FIRST_RUN: 'yes' }, false, '/app/dist/renderer')).toEqual({
      devUrl: null,
      rendererDir: '/app/dist/renderer',
      dataDir: null,
      firstRun: null,
    });
  });
});
