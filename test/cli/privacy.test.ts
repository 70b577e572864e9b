import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/index.ts';
import { openStore } from '../../src/store/index.ts';
import { runMain } from '../helpers/run-process.ts';

let dir: string;
let database: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lessons-privacy-'));
  database = `sqlite:${join(dir, 'bot.db')}`;
  return () => rm(dir, { recursive: true, force: true });
});

const cli = (args: string[], env: Record<string, string> = {}) =>
  runMain(args, { env: { DATABASE_URL: database, ...env } });

/** The bot's store, opened as the bot opens it: people's ids pseudonymised. */
async function withStore<T>(use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(database, { pseudonyms: {} });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** A fictional channel with one sent briefing, subscribed by `by`; the briefing's id. */
async function sentBriefing(store: Store, by: string, now: Date): Promise<string> {
  const sub = await store.saveSubscription(
    {
      target: { platform: 'slack', workspace: 'T1', channel: 'C1', label: '#fictional-team' },
      schedule: { day: 1, time: '09:00', timezone: 'Europe/London' },
      themes: [],
      by,
    },
    now,
  );
  const claim = { subscriptionId: sub.id, kind: 'briefing' as const, period: '2026-W48' };
  const d = await store.claimDelivery({ ...claim, dueAt: now, owner: 'o', now, leaseMs: 60_000 });
  if (!d) throw new Error('the claim was refused');
  await store.completeDelivery(d.id, 'o', { messageRef: 'C1/1', now });
  return d.id;
}

const SLOW = { timeout: 120_000 };

describe('lessons-bot forget', SLOW, () => {
  it('erases one person everywhere, keeps the count, and audits it without naming them', async () => {
    const now = new Date();
    const { deliveryId, gone } = await withStore(async (store) => {
      const id = await sentBriefing(store, 'slack:U0123ABCD', now);
      await store.acknowledge({ deliveryId: id, userId: 'slack:U0123ABCD', at: now });
      await store.acknowledge({
        deliveryId: id,
        userId: 'slack:U0999XYZ',
        at: new Date(now.getTime() + 1000),
      });
      await store.audit({ at: now, actor: 'slack:U0123ABCD', action: 'publish', detail: {} });
      return { deliveryId: id, gone: (await store.listAcknowledgements())[0]?.userId ?? '' };
    });
    expect(gone).toMatch(/^slack:~/);

    // typed in small letters: Slack member ids are capitals, as the bot keeps them
    const first = await cli(['forget', '--user', 'slack:u0123abcd']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^Erased that person from 1 acknowledgement, 1 audit entry, 1 subscription, 0 broadcasts, 0 kept reviews\./,
    );

    await withStore(async (store) => {
      expect((await store.countAcknowledgements([deliveryId])).get(deliveryId)).toBe(2);
      const audit = await store.listAudit();
      expect(audit.at(-1)).toMatchObject({
        actor: 'cli',
        action: 'forget',
        detail: { acknowledgements: 1, auditEntries: 1, subscriptions: 1, broadcasts: 0 },
      });
      const kept = JSON.stringify({
        acks: await store.listAcknowledgements(),
        audit,
        subs: await store.listSubscriptions(),
      });
      expect(kept).not.toContain(gone);
      expect(kept).not.toContain('U0123ABCD');
      // the other person is still counted as they were
      expect((await store.listAcknowledgements()).map((a) => a.userId)).toContainEqual(
        expect.stringMatching(/^slack:~/),
      );
    });

    const again = await cli(['forget', '--user', 'slack:U0123ABCD', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      erased: { acknowledgements: 0, auditEntries: 0, subscriptions: 0, broadcasts: 0, reviews: 0 },
    });
  });

  it('refuses a missing, malformed, hostile or huge --user, saying what to give, and keeps everything', async () => {
    const now = new Date();
    await withStore(async (store) => {
      const id = await sentBriefing(store, 'slack:U0123ABCD', now);
      await store.acknowledge({ deliveryId: id, userId: 'slack:U0123ABCD', at: now });
    });
    const cases: [string[], RegExp][] = [
      [['forget'], /forget needs the person, e\.g\. lessons-bot forget --user slack:U0123ABCD/],
      [
        ['forget', '--user', 'U0123ABCD'],
        /--user takes slack:<member id>.*or teams:<Azure AD object id>/,
      ],
      [['forget', '--user', 'slack:%'], /not “slack:%”/],
      [['forget', 'slack:U0123ABCD'], /“forget” takes no words other than --user/],
      [['forget', '--user', `slack:${'U'.repeat(100_000)}`], /--user takes slack:/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr.length).toBeLessThan(600);
    }
    await withStore(async (store) => {
      const [ack] = await store.listAcknowledgements();
      expect(ack?.userId).toMatch(/^slack:~/);
      expect(await store.listAudit()).toEqual([]);
    });
  });
});

describe('lessons-bot purge-person-data', SLOW, () => {
  it('erases the people of rows older than PERSON_DATA_RETENTION_DAYS and keeps the rest', async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 3 * 86_400_000);
    const deliveryId = await withStore(async (store) => {
      const id = await sentBriefing(store, 'slack:U0123ABCD', old);
      await store.acknowledge({ deliveryId: id, userId: 'slack:U0123ABCD', at: old });
      await store.acknowledge({ deliveryId: id, userId: 'slack:U0999XYZ', at: now });
      return id;
    });
    const result = await cli(['purge-person-data'], { PERSON_DATA_RETENTION_DAYS: '2' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Erased the people from rows older than 2 days \(before \d{4}-.*\): 1 acknowledgement, 0 audit entries, 1 subscription,/,
    );
    await withStore(async (store) => {
      const acks = await store.listAcknowledgements();
      expect(acks.map((a) => a.userId)).toEqual([
        expect.stringMatching(/^erased:/),
        expect.stringMatching(/^slack:~/),
      ]);
      expect((await store.countAcknowledgements([deliveryId])).get(deliveryId)).toBe(2);
      expect((await store.listAudit()).at(-1)).toMatchObject({
        actor: 'cli',
        action: 'purge-person-data',
        detail: { acknowledgements: 1, subscriptions: 1 },
      });
    });
  });

  it('refuses a retention that is not a positive number of days, saying what to set', async () => {
    const result = await cli(['purge-person-data'], { PERSON_DATA_RETENTION_DAYS: '0' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /set PERSON_DATA_RETENTION_DAYS to a whole number from 1 to 36500/,
    );
  });
});
