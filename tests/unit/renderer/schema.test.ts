// The editor builds its document schema from its own extensions (tiptap's nodes, configured from
// shared/bodySchema.ts); the core validates stored bodies against shared/bodySchema.ts. The two
// must describe the same body, or the editor makes documents the core refuses to save.
import { getSchema } from '@tiptap/core';
import type { NodeType, Schema } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { validateBody } from '../../../shared/body.js';
import { BODY_MARKS, BODY_NODES, childTypes, HEADING_LEVELS, type BodyNodeType } from '../../../shared/bodySchema.js';
import type { DocNode } from '../../../shared/domain.js';
import { storyExtensions } from '../../../renderer/editor/schema.js';

const schema: Schema = getSchema(storyExtensions());
const NODE_TYPES = Object.keys(BODY_NODES) as BodyNodeType[];

/** Every node type ProseMirror lets `type` hold, from its content expression's automaton. */
function editorChildren(type: NodeType): string[] {
  const seen = new Set([type.contentMatch]);
  const queue = [type.contentMatch];
  const out = new Set<string>();
  while (queue.length > 0) {
    const match = queue.shift()!;
    for (let i = 0; i < match.edgeCount; i += 1) {
      const { type: child, next } = match.edge(i);
      out.add(child.name);
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return [...out].sort();
}

describe("the editor's schema is the body schema", () => {
  it('has the same nodes and marks', () => {
    expect(Object.keys(schema.nodes).sort()).toEqual([...NODE_TYPES].sort());
    expect(Object.keys(schema.marks).sort()).toEqual([...BODY_MARKS].sort());
  });

  it('gives each node the same content, groups and attributes', () => {
    for (const name of NODE_TYPES) {
      const spec = schema.nodes[name]!.spec;
      const shared = BODY_NODES[name] as { content?: string; group?: string; attrs: readonly string[] };
      expect(spec.content ?? '', name).toBe(shared.content ?? '');
      expect(spec.group ?? '', name).toBe(shared.group ?? '');
      // The core also accepts attributes the editor never sets (a heading's textAlign: null).
      expect(shared.attrs, name).toEqual(expect.arrayContaining(Object.keys(spec.attrs ?? {})));
    }
  });

  it('lets each node hold exactly the children the core accepts', () => {
    for (const name of NODE_TYPES) expect(editorChildren(schema.nodes[name]!), name).toEqual([...childTypes(name)].sort());
  });

  it('has the heading levels the core accepts', () => {
    const tags = (schema.nodes.heading!.spec.parseDOM ?? []).map((rule) => rule.tag);
    expect(tags).toEqual(HEADING_LEVELS.map((level) => `h${level}`));
  });

  it('starts a story with a body the core accepts', () => {
    expect(validateBody(schema.topNodeType.createAndFill()!.toJSON() as DocNode)).toEqual([]);
  });
});
