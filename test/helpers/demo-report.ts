import type { Corpus, Delivery, FollowUpAnswer, Report, Store } from '../../src/core/index.ts';
import { buildReport } from '../../src/core/index.ts';
import { openStore } from '../../src/store/index.ts';
import { buildCorpus } from './delivery-corpus.ts';
import { deliveryHarness } from './delivery-harness.ts';

/**
 * A FICTIONAL evidence pack: eight made-up teams, ten weeks of weekly lessons from three
 * made-up reviews and one review announcement, through the real delivery runner and a
 * real SQLite store; some teams discussed, planned and (in follow-ups) changed practice.
 * For the accessibility test and the README's screenshot. Teams and plans are invented.
 */

export const DEMO_TEAMS = [
  'Early Help Hub (North)',
  'Children’s Social Care – Assessment and Intervention Team 2',
  'Health visiting, Riverside locality',
  'Designated safeguarding leads network (primary schools)',
  'Police Public Protection Unit',
  'Adult mental health liaison',
  'Midwifery safeguarding team',
  'Youth justice service',
];

const PLANS = [
  'Start a chronology at the first referral, not the third.',
  'Ask every parent who else lives in the household, and write it down.',
  'Escalate to a team manager when a case is stepped down twice within a year.',
  'Invite the GP to every strategy discussion, and record when they could not come.',
  'Check the father’s records as well as the mother’s at every assessment.',
];

const CHANGES = [
  'Chronologies are now opened at the first contact and read at supervision.',
  'Household composition is a mandatory field in our referral form.',
];

const TITLES: Record<string, string> = {
  'fictional-child-r': 'Child R',
  'fictional-baby-l': 'Baby L',
  'fictional-child-t': 'Child T',
  'fictional-child-r/1': 'Keep a chronology from the first referral',
  'fictional-child-r/2': 'Neglect builds up: look at the whole history',
  'fictional-child-r/3': 'Escalate when a case keeps being stepped down',
  'fictional-baby-l/1': 'Ask who else lives in the household',
  'fictional-baby-l/2': 'Fathers and partners are part of the assessment',
  'fictional-child-t/1': 'Attendance and appearance together tell a story',
};

/** Three made-up reviews with titles that read as a board would see them. */
export function demoCorpus(): Corpus {
  const base = buildCorpus([
    {
      id: 'fictional-child-r',
      published: '2025-06',
      lessons: [
        { n: 1, themes: ['chronologies'], agencies: ['childrens-social-care', 'health'] },
        { n: 2, themes: ['neglect'], agencies: ['health', 'education'] },
        { n: 3, themes: ['escalation'], agencies: ['police', 'childrens-social-care'] },
      ],
    },
    {
      id: 'fictional-baby-l',
      published: '2024-11',
      lessons: [
        { n: 1, themes: ['domestic-abuse'], agencies: ['police', 'health'] },
        { n: 2, themes: ['invisible-men'], agencies: ['health', 'childrens-social-care'] },
      ],
    },
    {
      id: 'fictional-child-t',
      published: '2023-03',
      lessons: [{ n: 1, themes: ['neglect', 'escalation'], agencies: ['education'] }],
    },
  ]);
  const lessons = base.lessons.map((l) => ({ ...l, title: TITLES[l.id] ?? l.title }));
  const reviews = base.reviews.map((r) => ({ ...r, title: TITLES[r.id] ?? r.title }));
  return {
    ...base,
    lessons,
    reviews,
    lessonById: new Map(lessons.map((l) => [l.id, l])),
    reviewById: new Map(reviews.map((r) => [r.id, r])),
  };
}

const WEEK = 7 * 86_400_000;
const HOUR = 3_600_000;

/** Teams discuss, plan and follow up by a fixed pattern, so the demo is the same every run. */
async function takeUp(store: Store): Promise<void> {
  const followUps: FollowUpAnswer[] = [];
  const channel = new Map(
    (await store.listSubscriptions({ status: ['active'] })).map((s) => [s.id, s.target.channel]),
  );
  // In a fixed order (ids are random): by when each post was due, then by channel.
  const key = (d: Delivery) =>
    `${d.dueAt.toISOString()} ${channel.get(d.subscriptionId)} ${d.kind}`;
  const sent = (await store.listDeliveries())
    .filter((d) => d.status === 'sent')
    .sort((a, b) => key(a).localeCompare(key(b)));
  for (const [i, d] of sent.entries()) {
    if (i % 3 === 2) continue;
    const at = new Date(d.dueAt.getTime() + (1 + (i % 5) * 20) * HOUR);
    await store.recordTeamDiscussion(d.id, at);
    if (i % 5 !== 1) continue;
    const plannedAt = new Date(at.getTime() + 2 * HOUR);
    await store.savePlan({
      deliveryId: d.id,
      plan: PLANS[Math.floor(i / 5) % PLANS.length] ?? '',
      at: plannedAt,
    });
    const answer = (['changed', 'partly', 'not-yet', 'changed', 'decided-against'] as const)[
      followUps.length % 5
    ];
    if (!answer) continue;
    const whatChanged =
      answer === 'changed' ? CHANGES[followUps.length % CHANGES.length] : undefined;
    const followUp: FollowUpAnswer = {
      deliveryId: d.id,
      answer,
      answeredAt: new Date(plannedAt.getTime() + 6 * WEEK),
      ...(whatChanged ? { whatChanged } : {}),
    };
    await store.saveFollowUpAnswer(followUp);
    followUps.push(followUp);
  }
}

export interface DemoReport {
  report: Report;
  store: Store;
  corpus: Corpus;
}

/** The demo report, built by `buildReport` from what the teams did in a store of their own. */
export async function demoReport(): Promise<DemoReport> {
  const corpus = demoCorpus();
  const h = await deliveryHarness(
    () => openStore('sqlite::memory:'),
    '2026-09-01T08:00:00Z',
    corpus,
  );
  // Some teams asked for a few themes only: not every review reaches every team.
  const themes = [[], [], ['neglect', 'escalation'], [], ['domestic-abuse'], ['chronologies']];
  for (const [i, label] of DEMO_TEAMS.entries())
    await h.subscribe(`C${i + 1}`, {
      label,
      platform: i % 3 === 1 ? 'teams' : 'slack',
      themes: themes[i] ?? [],
    });
  h.time.set('2026-09-07T09:05:00Z');
  for (let week = 0; week < 10; week++) {
    await h.runner().runDue(h.time.clock());
    if (week === 2) await h.runner().publish('fictional-child-r', { again: false, by: 'cli' });
    h.time.advance(WEEK);
  }
  await takeUp(h.store);
  const report = await buildReport(h.store, corpus, { now: new Date('2027-01-29T10:00:00Z') });
  return { report, store: h.store, corpus };
}
