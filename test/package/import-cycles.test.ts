/**
 * Dependencies point one way: no two source files import each other, directly or round a
 * longer loop, `import type` included (a type that flows back ties folders as a value does).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/run-process.ts';

type Graph = Map<string, string[]>;

function importGraph(dir: string): Graph {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(dir, f));
  const known = new Set(files);
  const graph: Graph = new Map();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']*)'/gm)]
      .map((m) => resolve(dirname(file), m[1] ?? ''))
      .filter((target) => known.has(target));
    graph.set(file, targets);
  }
  return graph;
}

/** Tarjan's strongly connected components with more than one file: the import cycles. */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v) ?? 0);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) visit(w);
      if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      onStack.delete(w);
      component.push(relative(ROOT, w));
      if (w === v) break;
    }
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

it('has no import cycle in src', () => {
  const graph = importGraph(join(ROOT, 'src'));
  expect(cycles(graph)).toEqual([]);
  // the check sees what it is meant to see
  expect(graph.size).toBeGreaterThan(200);
  expect(graph.get(join(ROOT, 'src/main.ts'))?.length).toBeGreaterThan(10);
});

it('finds a cycle where there is one', () => {
  const graph: Graph = new Map([
    [join(ROOT, 'a.ts'), [join(ROOT, 'b.ts')]],
    [join(ROOT, 'b.ts'), [join(ROOT, 'c.ts')]],
    [join(ROOT, 'c.ts'), [join(ROOT, 'a.ts')]],
    [join(ROOT, 'd.ts'), [join(ROOT, 'a.ts')]],
  ]);
  expect(cycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
});
