import { afterEach, describe, expect, it } from 'vitest';
import { personalMessage, postActivity, teamsActivity } from '../helpers/teams-activities.ts';
import { realCommandDeps, startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness.ts';

let h: TeamsHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function brokenSearchHarness(
  fail: (query: string) => Error = () => new TypeError('index exploded'),
): Promise<TeamsHarness> {
  const deps = await realCommandDeps();
  return startTeamsHarness({
    deps: {
      ...deps,
      search: {
        size: deps.search.size,
        search: (query) => {
          throw fail(query);
        },
      },
    },
  });
}

describe('the Teams error boundary', () => {
  it('turns a failure into a friendly card, without a stack trace', async () => {
    h = await brokenSearchHarness();
    const res = await postActivity(
      h.url,
      personalMessage(h.connector.serviceUrl, 'lessons on chronologies'),
    );
    expect(res.status).toBe(200);
    const [reply] = await h.connector.waitFor(1);
    const card = JSON.stringify(reply?.body);
    expect(card).toContain('Something went wrong on our side');
    expect(card).not.toContain('TypeError');
    expect(card).not.toContain('index exploded');
    expect(card).not.toMatch(/at .*\.ts:\d+/);
  });

  it('logs the failure once with a code, and never the question', async () => {
    h = await brokenSearchHarness();
    await postActivity(h.url, personalMessage(h.connector.serviceUrl, 'lessons on chronologies'));
    const errors = h.logger.lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.fields).toMatchObject({
      route: 'message',
      code: 'internal',
      error: 'TypeError',
    });
    expect(JSON.stringify(h.logger.lines)).not.toContain('chronologies');
  });

  it('never logs an error message, which could quote the question', async () => {
    h = await brokenSearchHarness((query) => new RangeError(`nothing indexed for “${query}”`));
    await postActivity(h.url, personalMessage(h.connector.serviceUrl, 'neglect of Jane Smith'));
    const errors = h.logger.lines.filter((l) => l.level === 'error');
    expect(errors[0]?.fields).toMatchObject({ code: 'internal', error: 'RangeError' });
    expect(JSON.stringify(h.logger.lines)).not.toContain('Jane Smith');
    expect(JSON.stringify(h.logger.lines)).not.toContain('nothing indexed');
  });

  it('answers the compose-box search with a message instead of failing the invoke', async () => {
    h = await brokenSearchHarness();
    const res = await postActivity(h.url, teamsActivity('compose-query', h.connector.serviceUrl));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ composeExtension: { type: 'message' } });
  });

  it('still answers when the connector refuses the reply, and says so in the log', async () => {
    h = await startTeamsHarness();
    h.connector.failNext(500);
    const res = await postActivity(h.url, personalMessage(h.connector.serviceUrl, 'themes'));
    expect(res.status).toBe(200);
    expect(h.logger.lines.map((l) => l.message)).toContain(
      'Teams reply about a failure could not be sent',
    );
  });
});
