// `serve --connect`'s command line: the server's address (https, or http only to this computer)
// with a data folder and a port; the options of a newsroom of its own are refused in words.

import { describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../../server/args.js';

describe('serve --connect arguments', () => {
  it('takes the server address with a data folder and a port, on 127.0.0.1', () => {
    const args = parseServeArgs(['--connect', 'https://newsroom.example.com/', '--data-dir', '/tmp/desk', '--port', '5300']);
    expect(args).toMatchObject({ connect: 'https://newsroom.example.com', host: '127.0.0.1', port: 5300, dataDir: '/tmp/desk' });
    expect(parseServeArgs(['--connect=http://127.0.0.1:5178', '--data-dir', 'd']).connect).toBe('http://127.0.0.1:5178');
    expect(parseServeArgs(['--data-dir', 'd']).connect).toBeNull();
  });

  it('refuses plain http across a network, a non-address, and a newsroom’s own options', () => {
    expect(() => parseServeArgs(['--connect', 'http://newsroom.example.com', '--data-dir', 'd'])).toThrow(/https:\/\//);
    expect(() => parseServeArgs(['--connect', 'newsroom', '--data-dir', 'd'])).toThrow(/server's address/);
    expect(() => parseServeArgs(['--connect', 'https://n.example.com', '--data-dir', 'd', '--demo'])).toThrow(/only --data-dir and --port \(not --demo\)/);
    expect(() => parseServeArgs(['--connect', 'https://n.example.com', '--data-dir', 'd', '--listen', '0.0.0.0:1'])).toThrow(/not --listen/);
    expect(() => parseServeArgs(['--connect', 'https://n.example.com'])).toThrow(/--data-dir is required/);
  });
});
