// The newsroom's time zone and public address as settings: only an admin changes them; an unknown
// zone or an address that is no plain http(s) URL is refused in words and changes nothing; a zone is
// kept as the runtime spells it and an address without its trailing slash.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRecordingHarness, type Harness } from '../../support/coreHarness.js';

let h: Harness;
beforeEach(async () => {
  h = await makeRecordingHarness();
});
afterEach(async () => {
  await h.close();
});

const settingsOf = async () => (await h.call('ji', 'settings.get', {})).settings;

async function refused(input: Record<string, unknown>, message: RegExp): Promise<void> {
  const before = await h.snapshot();
  const error = await h.failsRaw('han', 'settings.update', input);
  expect(error.code).toBe('VALIDATION');
  expect(error.message).toMatch(message);
  expect(await h.snapshot()).toBe(before);
}

describe('the time zone setting', () => {
  it('is unset (the computer’s own zone) until an admin picks one, and null unsets it again', async () => {
    expect(await settingsOf()).toMatchObject({ timeZone: null, publicBaseUrl: null });
    expect((await h.call('han', 'settings.update', { timeZone: 'Asia/Seoul' })).settings.timeZone).toBe('Asia/Seoul');
    expect((await settingsOf()).timeZone).toBe('Asia/Seoul');
    expect(h.events).toContainEqual({ type: 'settings.changed', keys: ['timeZone'] });
    expect((await h.call('han', 'settings.update', { timeZone: null })).settings.timeZone).toBeNull();
  });

  it('keeps a zone typed in any case as the runtime spells it', async () => {
    expect((await h.call('han', 'settings.update', { timeZone: 'asia/seoul' })).settings.timeZone).toBe('Asia/Seoul');
    expect((await h.call('han', 'settings.update', { timeZone: 'UTC' })).settings.timeZone).toBe('UTC');
  });

  it('refuses an unknown zone, an offset and junk with a clear message, changing nothing', async () => {
    await h.call('han', 'settings.update', { timeZone: 'Europe/London' });
    await refused({ timeZone: 'Mars/Olympus_Mons' }, /^Invalid input at timeZone: "Mars\/Olympus_Mons" is not a time zone; use an IANA name such as Asia\/Seoul/);
    await refused({ timeZone: '+09:00' }, /"\+09:00" is not a time zone/);
    await refused({ timeZone: '' }, /is not a time zone/);
    await refused({ timeZone: '서울' }, /"서울" is not a time zone/);
    await refused({ timeZone: 'Asia/Seoul/../../etc' }, /is not a time zone/);
    await refused({ timeZone: 9 }, /timeZone/);
    expect((await settingsOf()).timeZone).toBe('Europe/London');
  });

  it('is an admin’s to change: a desk editor and a photo editor are refused', async () => {
    expect((await h.failsRaw('kim', 'settings.update', { timeZone: 'Asia/Seoul' })).code).toBe('FORBIDDEN');
    const error = await h.failsRaw('choi', 'settings.update', { publicBaseUrl: 'https://news.example.com' });
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('not the public address');
    expect(await settingsOf()).toMatchObject({ timeZone: null, publicBaseUrl: null });
  });
});

describe('the public address setting', () => {
  it('is normalised: no trailing slash, host in lower case; blank or null unsets it', async () => {
    const set = async (value: string | null) => (await h.call('han', 'settings.update', { publicBaseUrl: value })).settings.publicBaseUrl;
    expect(await set('https://news.example.com/')).toBe('https://news.example.com');
    expect(await set('  https://News.Example.com/packages//  ')).toBe('https://news.example.com/packages');
    expect(await set('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(await set('https://뉴스.example/')).toBe('https://xn--vg1b002a.example');
    expect(await set('')).toBeNull();
    expect(await set('https://news.example.com')).toBe('https://news.example.com');
    expect(await set(null)).toBeNull();
  });

  it('refuses anything but a plain http(s) address, in words, changing nothing', async () => {
    await h.call('han', 'settings.update', { publicBaseUrl: 'https://news.example.com' });
    await refused({ publicBaseUrl: 'news.example.com' }, /^Invalid input at publicBaseUrl: must be a full web address such as https:\/\/news\.example\.com/);
    await refused({ publicBaseUrl: 'ftp://news.example.com' }, /must start with https:\/\/ or http:\/\//);
    await refused({ publicBaseUrl: 'javascript:alert(1)' }, /must start with https:\/\/ or http:\/\//);
    await refused({ publicBaseUrl: 'https://news.example.com/?edition=1' }, /must not have a query/);
    await refused({ publicBaseUrl: 'https://news.example.com/#top' }, /or a fragment/);
    await refused({ publicBaseUrl: 'https://news.example.com/?' }, /must not have a query/);
    await refused({ publicBaseUrl: 'https://user:secret@news.example.com' }, /must not contain a user name or password/);
    await refused({ publicBaseUrl: `https://news.example.com/${'a'.repeat(2000)}` }, /publicBaseUrl/);
    expect((await settingsOf()).publicBaseUrl).toBe('https://news.example.com');
  });

  it('a client saving back the whole settings object it read changes nothing', async () => {
    await h.call('han', 'settings.update', { timeZone: 'Asia/Seoul', publicBaseUrl: 'https://news.example.com/' });
    const current = await settingsOf();
    const before = await h.snapshot();
    expect((await h.call('han', 'settings.update', current)).settings).toEqual(current);
    expect(await h.snapshot()).toBe(before);
  });
});
