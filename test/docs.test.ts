import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES } from '../src/config.ts';

const root = new URL('..', import.meta.url);

function documented(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((m) => m[1] ?? '').sort();
}

describe('the documentation of configuration', () => {
  it('docs/operations.md describes exactly the variables the config reads', async () => {
    const text = await readFile(new URL('docs/operations.md', root), 'utf8');
    expect(documented(text, /^\| `([A-Z][A-Z0-9_]+)` +\|/gm)).toEqual([...ENV_VARIABLES].sort());
  });

  it('.env.example lists exactly the variables the config reads', async () => {
    const text = await readFile(new URL('.env.example', root), 'utf8');
    expect(documented(text, /^#? ?([A-Z][A-Z0-9_]+)=/gm)).toEqual([...ENV_VARIABLES].sort());
  });
});
