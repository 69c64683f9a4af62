// The address as the source of truth for where the person is: every route reads back from the
// address it is written as, a mistyped address opens the home queue, and a place the person does
// not have gives way to their home.
import { describe, expect, it } from 'vitest';
import { formatRoute, HOME, parseRoute, resolveRoute, screensFor, storyLink, viewsFor, type Route } from '../../../renderer/app/route.js';
import type { Role, Staff } from '../../../shared/domain.js';

const person = (...roles: Role[]): Staff => ({ id: 1, name: 'Kim Min-ji', email: 'minji.kim@example.com', roles, desks: ['National'], active: true, passwordSet: true });
const route = (r: Partial<Route>): Route => ({ ...HOME, ...r });

describe('parseRoute and formatRoute', () => {
  const cases: [string, Route][] = [
    ['#/', HOME],
    ['#/desk', route({ place: 'desk' })],
    ['#/mine', route({ place: 'mine' })],
    ['#/all', route({ place: 'all' })],
    ['#/photos', route({ place: 'photos' })],
    ['#/library', route({ place: 'library' })],
    ['#/settings', route({ place: 'settings' })],
    ['#/house-style', route({ place: 'houseStyle' })],
    ['#/people', route({ place: 'people' })],
    ['#/account', route({ place: 'account' })],
    ['#/story/123', route({ storyId: 123 })],
    ['#/desk/story/123', route({ place: 'desk', storyId: 123 })],
    ['#/all?q=harbour+bridge', route({ place: 'all', query: 'harbour bridge' })],
    ['#/mine/story/7?q=tram&desk=North+Korea', route({ place: 'mine', storyId: 7, query: 'tram', desk: 'North Korea' })],
  ];

  it.each(cases)('%s', (hash, expected) => {
    expect(parseRoute(hash)).toEqual(expected);
    expect(formatRoute(expected)).toBe(hash);
  });

  it('keeps Korean search text and desks through the address', () => {
    const r = route({ place: 'desk', query: '북한 미사일', desk: '정치' });
    const hash = formatRoute(r);
    expect(hash).not.toMatch(/[가-힣 ]/);
    expect(parseRoute(hash)).toEqual(r);
    expect(parseRoute(`#/desk?q=${encodeURIComponent('북한')}`).query).toBe('북한');
  });

  it('search text that looks like syntax stays text', () => {
    const r = route({ place: 'all', query: 'a&b=c?d#e/f "quoted" 100%' });
    expect(parseRoute(formatRoute(r))).toEqual(r);
  });

  it('an empty hash and one without the leading slash read as expected', () => {
    expect(parseRoute('')).toEqual(HOME);
    expect(parseRoute('#')).toEqual(HOME);
    expect(parseRoute('#desk/story/5')).toEqual(route({ place: 'desk', storyId: 5 }));
  });

  it('a mistyped or malformed address is the home queue', () => {
    for (const hash of [
      '#/nowhere',
      '#/story',
      '#/story/abc',
      '#/story/0',
      '#/story/-4',
      '#/story/1.5',
      '#/story/99999999999999999',
      '#/desk/story',
      '#/desk/stories/3',
      '#/library/story/3',
      '#/settings/story/3',
      '#/desk/story/3/extra',
      '#/%E0%A4%A',
    ]) {
      expect(parseRoute(hash), hash).toEqual(HOME);
    }
  });

  it('a story is never written beside a screen without a list', () => {
    expect(formatRoute(route({ place: 'library', storyId: 4 }))).toBe('#/library');
    expect(formatRoute(route({ place: 'settings', storyId: 4 }))).toBe('#/settings');
  });
});

describe('resolveRoute', () => {
  it('no place is the home queue: the desk, a reporter’s own stories, the photo queue, else every story', () => {
    expect(resolveRoute(HOME, person('desk_editor', 'reporter')).place).toBe('desk');
    expect(resolveRoute(HOME, person('reporter')).place).toBe('mine');
    expect(resolveRoute(HOME, person('photo_editor')).place).toBe('photos');
    expect(resolveRoute(HOME, person('admin')).place).toBe('all');
  });

  it('a place the person does not have gives way to home; the story stays', () => {
    expect(resolveRoute(route({ place: 'desk', storyId: 9 }), person('reporter'))).toEqual(route({ place: 'mine', storyId: 9 }));
    expect(resolveRoute(route({ place: 'settings' }), person('desk_editor')).place).toBe('desk');
    expect(resolveRoute(route({ place: 'houseStyle' }), person('desk_editor')).place).toBe('houseStyle');
    expect(resolveRoute(route({ place: 'library' }), person('reporter')).place).toBe('mine');
    expect(resolveRoute(route({ place: 'all', query: 'x' }), person('reporter'))).toEqual(route({ place: 'all', query: 'x' }));
  });

  it('everyone has their own account screen, whatever their roles', () => {
    for (const role of ['reporter', 'desk_editor', 'photo_editor', 'admin'] as const)
      expect(resolveRoute(route({ place: 'account' }), person(role)).place).toBe('account');
    // A story in the address is beside a queue, not a screen.
    expect(formatRoute(route({ place: 'account', storyId: 5 }))).toBe('#/account');
  });

  it('the sidebar’s queues and screens are the places allowed', () => {
    expect(viewsFor(person('desk_editor', 'reporter'))).toEqual(['desk', 'mine', 'all']);
    expect(viewsFor(person('photo_editor'))).toEqual(['photos', 'library', 'all']);
    expect(viewsFor(person('admin'))).toEqual(['all']);
    expect(screensFor(person('admin'))).toEqual(['houseStyle', 'people', 'settings']);
    expect(screensFor(person('desk_editor'))).toEqual(['houseStyle', 'people']);
    expect(screensFor(person('reporter'))).toEqual([]);
  });
});

describe('storyLink', () => {
  it('is the full address of the page with the story’s route, without the queue', () => {
    expect(storyLink(42, 'http://127.0.0.1:5178/#/desk/story/7?q=tram')).toBe('http://127.0.0.1:5178/#/story/42');
    expect(storyLink(42, 'newsdesk://app/index.html#/mine')).toBe('newsdesk://app/index.html#/story/42');
    expect(parseRoute(new URL(storyLink(42, 'http://127.0.0.1:5178/')).hash)).toEqual(route({ storyId: 42 }));
  });
});
