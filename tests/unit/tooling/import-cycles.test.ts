// No import circle anywhere in the app's source: each module can be read, loaded and tested after
// the modules it uses. Reads every relative import (type-only and dynamic ones too, as
// TypeScript's own pre-processor finds them) of every .ts/.tsx file and lists each circle found.

import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const FOLDERS = ['shared', 'db', 'core', 'server', 'electron', 'renderer'];
const CODE = /\.tsx?$/;

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => CODE.test(f))
    .map((f) => path.join(dir, f).split(path.sep).join('/'))
    .sort();
}

/** The project file a relative specifier names (`./x.js` is written for `./x.ts`), or null for assets. */
function resolve(from: string, specifier: string): string | 'unresolved' | null {
  const base = path.posix.join(path.posix.dirname(from), specifier);
  const stem = base.replace(/\.(m?js|jsx|tsx?)$/, '');
  if (!/\.(m?js|jsx|tsx?)$/.test(base) && path.posix.extname(base) !== '') return null; // .css, .svg, .json…
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`, `${stem}/index.tsx`]) {
    if (fs.existsSync(path.join(root, candidate))) return candidate;
  }
  return 'unresolved';
}

function importGraph(): { graph: Map<string, string[]>; unresolved: string[] } {
  const graph = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const file of FOLDERS.flatMap(sourceFiles)) {
    const info = ts.preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolve(file, fileName);
      if (target === 'unresolved') unresolved.push(`${file} imports ${fileName}`);
      else if (target) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return { graph, unresolved };
}

/**
 * Every tangle of files that import one another (a strongly connected group, Tarjan), named by one
 * circle through it and, when more files take part, those too.
 */
function cycles(graph: Map<string, string[]>): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || graph.get(v)?.includes(v)) groups.push(group);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return groups.map((group) => {
    const circle = circleIn(graph, new Set(group));
    const others = group.filter((f) => !circle.includes(f)).sort();
    return circle.join(' → ') + (others.length > 0 ? ` (with ${others.join(', ')})` : '');
  });
}

/** One shortest circle through the group's first file (by name), for a readable report. */
function circleIn(graph: Map<string, string[]>, group: Set<string>): string[] {
  const start = [...group].sort()[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!group.has(w)) continue;
      if (w === start) {
        const trail = [v];
        while (trail[0] !== start) trail.unshift(cameFrom.get(trail[0]!)!);
        return [...trail, start];
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

describe('imports', () => {
  const { graph, unresolved } = importGraph();

  it('reads the whole source', () => {
    expect(graph.size).toBeGreaterThan(100);
    for (const folder of FOLDERS)
      expect(
        [...graph.keys()].some((f) => f.startsWith(`${folder}/`)),
        folder,
      ).toBe(true);
    expect(unresolved).toEqual([]);
  });

  it('form no circle in shared/, db/, core/, server/, electron/ or renderer/', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a circle when there is one', () => {
    const toy = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts', 'f.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
      ['f.ts', ['c.ts']],
    ]);
    expect(cycles(toy)).toEqual(['a.ts → b.ts → c.ts → a.ts (with f.ts)', 'e.ts → e.ts']);
  });
});
