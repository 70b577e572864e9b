import { describe, expect, it, vi } from 'vitest';
import { realDeps } from '../../../test/helpers/real-deps.ts';
import { noMetrics } from '../ports.ts';
import { createSearchIndex } from '../search/index.ts';
import type { Command } from './command.ts';
import type { CommandDeps } from './deps.ts';
import { handleCommand } from './handle-command.ts';
import { parseCommand } from './parse-command.ts';
import { MAX_RECENT_ANSWERS, renderOnce } from './recent-answers.ts';

const ask = (deps: CommandDeps, text: string) => run(deps, parseCommand(text));
const run = (deps: CommandDeps, command: Command) =>
  handleCommand(command, deps, { isAdmin: false });

/** Deps of their own, so that answers kept by other tests do not count. */
async function freshDeps(): Promise<CommandDeps> {
  const deps = await realDeps();
  const searchTimed = vi.fn();
  return {
    ...deps,
    search: createSearchIndex(deps.corpus),
    metrics: { ...noMetrics, commandHandled: vi.fn(), searchTimed },
  };
}

describe('recent answers', () => {
  it('answers a repeated question with the same reply, searching once', async () => {
    const deps = await freshDeps();
    const first = await ask(deps, 'lessons on chronologies');
    const again = await ask(deps, 'lessons on chronologies');
    expect(first.kind).toBe('results');
    expect(again).toBe(first);
    expect(deps.metrics?.searchTimed).toHaveBeenCalledTimes(1);
    // Every question is still counted by kind.
    expect(deps.metrics?.commandHandled).toHaveBeenCalledTimes(2);
  });

  it('keeps each page, and each wording, apart', async () => {
    const deps = await freshDeps();
    const first = await ask(deps, 'lessons on chronologies');
    // The "More" button's command: the next page of the same question.
    const second = await run(deps, { kind: 'search', query: 'lessons on chronologies', offset: 3 });
    const other = await ask(deps, 'Lessons on chronologies');
    expect(second).not.toBe(first);
    expect(second).toMatchObject({ kind: 'results', offset: 3 });
    expect(other).not.toBe(first);
  });

  it('keeps answers to questions with nothing found', async () => {
    const deps = await freshDeps();
    const first = await ask(deps, 'qwxzv plorkish');
    expect(first.kind).toBe('no-results');
    expect(await ask(deps, 'qwxzv plorkish')).toBe(first);
  });

  it('never keeps a question with case details in it', async () => {
    const deps = await freshDeps();
    const first = await ask(deps, 'Jane Smith 12/03/2015 neglect');
    expect(first).toMatchObject({ query: '', notices: [{ kind: 'privacy' }] });
    const again = await ask(deps, 'Jane Smith 12/03/2015 neglect');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('does not keep refusals', async () => {
    const deps = await freshDeps();
    const long = `neglect ${'x'.repeat(600)}`;
    const first = await ask(deps, long);
    expect(first).toMatchObject({ kind: 'error', code: 'query_too_long' });
    expect(await ask(deps, long)).not.toBe(first);
  });

  it('starts afresh with a new search index (a reload)', async () => {
    const deps = await freshDeps();
    const first = await ask(deps, 'lessons on chronologies');
    deps.search = createSearchIndex(deps.corpus);
    const after = await ask(deps, 'lessons on chronologies');
    expect(after).not.toBe(first);
    expect(after).toEqual(first);
  });

  it(`keeps at most ${MAX_RECENT_ANSWERS} answers, dropping the least recently asked`, async () => {
    const deps = await freshDeps();
    const first = await ask(deps, 'neglect 0');
    const second = await ask(deps, 'neglect 1');
    for (let i = 2; i < MAX_RECENT_ANSWERS; i++) await ask(deps, `neglect ${i}`);
    expect(await ask(deps, 'neglect 0')).toBe(first);
    await ask(deps, `neglect ${MAX_RECENT_ANSWERS}`);
    expect(await ask(deps, 'neglect 0')).toBe(first);
    expect(await ask(deps, 'neglect 1')).not.toBe(second);
  });
});

describe('renderOnce', () => {
  it('renders a reply once per variant and hands out that result after', async () => {
    const deps = await freshDeps();
    const reply = await ask(deps, 'lessons on chronologies');
    const render = vi.fn((r: typeof reply, variant: string) => ({ kind: r.kind, variant }));
    const once = renderOnce(render);
    const a = once(reply, 'interactive');
    expect(once(reply, 'interactive')).toBe(a);
    expect(once(reply, 'links only')).toEqual({ kind: 'results', variant: 'links only' });
    expect(render).toHaveBeenCalledTimes(2);
    // An equal reply that is another object is rendered again: nothing is matched by content.
    once(structuredClone(reply), 'interactive');
    expect(render).toHaveBeenCalledTimes(3);
  });
});
