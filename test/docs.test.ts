import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES } from '../src/config.ts';
import { ROOT } from './helpers/run-process.ts';

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

/** Files the links are checked in: the README, docs/ and the app manifests. */
function linkedDocuments(): string[] {
  const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n');
  return tracked.filter(
    (f) =>
      f === 'README.md' ||
      /^docs\/.*\.md$/.test(f) ||
      /^manifest\/[^/]+\.(ya?ml|json)$/.test(f) ||
      /^manifest\/teams\/manifest\.json$/.test(f) ||
      /^lessons\/README\.md$/.test(f),
  );
}

/** The anchors a Markdown file's headings make, as GitHub makes them. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const [, heading = ''] of markdown.matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    anchors.add(
      heading
        .toLowerCase()
        .replace(/[`*_[\]()]/g, '')
        .replace(/[^\p{L}\p{N} -]/gu, '')
        .replace(/ /g, '-'),
    );
  }
  return anchors;
}

/**
 * Relative targets: Markdown links and images (a bare #anchor is in the same file), and the
 * documents prose or a comment names (docs/x.md, ../README.md#install-on-slack).
 */
function relativeLinks(text: string): string[] {
  const markdown = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
  const named = [
    ...text.matchAll(/(?:^|[\s`(])((?:\.\.\/)*(?:docs\/[\w./-]+\.md|README\.md)(?:#[\w-]+)?)/gm),
  ].map((m) => m[1] ?? '');
  return [...markdown, ...named].filter((l) => !/^[a-z][a-z0-9+.-]*:/i.test(l));
}

describe('the documentation’s links', () => {
  it('resolves every relative link in the README, docs/ and the manifests, anchors included', () => {
    const broken: string[] = [];
    const documents = linkedDocuments();
    expect(documents).toEqual(expect.arrayContaining(['README.md', 'manifest/slack.yaml']));
    for (const document of documents) {
      const text = readFileSync(join(ROOT, document), 'utf8');
      for (const link of relativeLinks(text)) {
        const [linked = '', anchor] = link.split('#');
        const path = linked === '' ? document : linked;
        // a path a comment names from the repository's root (docs/x.md), or relative to the file
        const candidates =
          linked === ''
            ? [join(ROOT, document)]
            : [join(ROOT, dirname(document), path), join(ROOT, path)];
        const target = candidates.find((c) => existsSync(c));
        if (!target) broken.push(`${document}: ${link}`);
        else if (
          anchor &&
          target.endsWith('.md') &&
          !anchorsOf(readFileSync(target, 'utf8')).has(anchor)
        )
          broken.push(`${document}: ${link} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('shows every screenshot, and each picture npm run screenshots takes, with alt text', () => {
    const tracked = execFileSync('git', ['ls-files', 'docs/screenshots'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).match(/[\w-]+\.png/g);
    const script = readFileSync(join(ROOT, 'scripts/screenshots.ts'), 'utf8');
    const taken = script.match(/'[\w-]+\.png'/g)?.map((name) => name.slice(1, -1)) ?? [];
    expect(taken.length).toBeGreaterThan(0);
    const shown = linkedDocuments()
      .flatMap((document) => [
        ...readFileSync(join(ROOT, document), 'utf8').matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g),
      ])
      .filter(([, alt = '']) => alt.trim().length >= 20)
      .map(([, , target = '']) => target.split('/').pop());
    const missing = [...new Set([...(tracked ?? []), ...taken])].filter(
      (name) => !shown.includes(name) || !existsSync(join(ROOT, 'docs/screenshots', name)),
    );
    expect(missing).toEqual([]);
  });

  it('points at nothing outside the repository: no DESIGN.md, no ../shared research notes', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.(ts|js|md|ya?ml|json)$/.test(f) && f !== 'test/docs.test.ts');
    const outside = tracked.filter((f) =>
      /\.\.\/shared\/|\bDESIGN\.md\b|\bdocs\/DESIGN\b|\bresearch\/[\w-]+\.md\b/.test(
        readFileSync(join(ROOT, f), 'utf8'),
      ),
    );
    expect(outside).toEqual([]);
  });
});
