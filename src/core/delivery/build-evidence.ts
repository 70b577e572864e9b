import type { Corpus } from '../lessons/index.ts';
import type {
  BreakdownEvidence,
  Delivery,
  Evidence,
  EvidenceCounts,
  EvidenceQuote,
  FollowUpAnswer,
  FollowUpCounts,
  ReviewEvidence,
  TeamDiscussion,
} from '../model/index.ts';
import { evidenceSentence } from './evidence-sentence.ts';
import { type PostTopics, topicsOf } from './report-scope.ts';

const DAY_MS = 86_400_000;

export interface EvidenceInput {
  corpus: Corpus;
  /** the posts in scope, any status */
  deliveries: readonly Delivery[];
  discussions: readonly TeamDiscussion[];
  followUps: readonly FollowUpAnswer[];
  /** a team's label by subscription id */
  teamLabel: (subscriptionId: string) => string;
  since?: Date;
  until?: Date;
}

/** What became of the posts, each read once; only what happened by `until` counts. */
interface Outcomes {
  talk: Map<string, TeamDiscussion>;
  followUp: Map<string, FollowUpAnswer>;
}

function outcomes(input: EvidenceInput): Outcomes {
  const by = (at: Date | undefined) => !input.until || (at !== undefined && at <= input.until);
  return {
    talk: new Map(input.discussions.filter((t) => by(t.discussedAt)).map((t) => [t.deliveryId, t])),
    followUp: new Map(
      input.followUps.filter((f) => by(f.answeredAt)).map((f) => [f.deliveryId, f]),
    ),
  };
}

function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const m =
    sorted.length % 2 === 1
      ? (sorted[mid] ?? 0)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(m * 10) / 10;
}

const FOLLOW_UP_KEYS = {
  changed: 'changed',
  partly: 'partly',
  'not-yet': 'notYet',
  'decided-against': 'decidedAgainst',
} as const;

function plannedBy(t: TeamDiscussion | undefined, until: Date | undefined): boolean {
  return t?.plan !== undefined && !!t.plannedAt && (!until || t.plannedAt <= until);
}

function countsOf(
  posts: readonly Delivery[],
  o: Outcomes,
  until: Date | undefined,
): EvidenceCounts {
  const reached = new Set<string>();
  const discussed = new Set<string>();
  const planned = new Set<string>();
  const changed = new Set<string>();
  const days: number[] = [];
  const followUps: FollowUpCounts = { changed: 0, partly: 0, notYet: 0, decidedAgainst: 0 };
  let plans = 0;
  for (const d of posts) {
    reached.add(d.subscriptionId);
    const talk = o.talk.get(d.id);
    if (talk) {
      discussed.add(d.subscriptionId);
      const arrived = (d.sentAt ?? d.dueAt).getTime();
      days.push(Math.max(0, talk.discussedAt.getTime() - arrived) / DAY_MS);
    }
    if (plannedBy(talk, until)) {
      planned.add(d.subscriptionId);
      plans += 1;
    }
    const answer = o.followUp.get(d.id)?.answer;
    if (answer) {
      followUps[FOLLOW_UP_KEYS[answer]] += 1;
      if (answer === 'changed' || answer === 'partly') changed.add(d.subscriptionId);
    }
  }
  return {
    teamsReached: reached.size,
    lessonsDelivered: posts.filter((d) => d.kind === 'briefing').length,
    announcementsDelivered: posts.filter((d) => d.kind === 'broadcast').length,
    teamsDiscussed: discussed.size,
    medianDaysToDiscussion: median(days),
    teamsPlanned: planned.size,
    plans,
    teamsChanged: changed.size,
    followUps,
  };
}

function titleOf(corpus: Corpus, d: Delivery): string {
  return d.lessonId
    ? (corpus.lessonById.get(d.lessonId)?.title ?? d.lessonId)
    : (corpus.reviewById.get(d.reviewId ?? '')?.title ?? d.reviewId ?? '');
}

/** The teams' own words about these posts: plans, and what changed. Oldest first. */
function quotes(input: EvidenceInput, posts: readonly Delivery[], o: Outcomes) {
  const plans: EvidenceQuote[] = [];
  const changes: EvidenceQuote[] = [];
  for (const d of posts) {
    const base = {
      team: input.teamLabel(d.subscriptionId),
      lessonId: d.lessonId ?? null,
      title: titleOf(input.corpus, d),
    };
    const talk = o.talk.get(d.id);
    if (plannedBy(talk, input.until) && talk?.plan !== undefined && talk.plannedAt)
      plans.push({ ...base, text: talk.plan, at: talk.plannedAt.toISOString(), answer: null });
    const f = o.followUp.get(d.id);
    if (f?.whatChanged)
      changes.push({
        ...base,
        text: f.whatChanged,
        at: f.answeredAt.toISOString(),
        answer: f.answer,
      });
  }
  const oldest = (a: EvidenceQuote, b: EvidenceQuote) => a.at.localeCompare(b.at);
  return { quotedPlans: plans.sort(oldest), quotedChanges: changes.sort(oldest) };
}

function groupBy(
  posts: readonly { d: Delivery; topics: PostTopics }[],
  keys: (topics: PostTopics) => readonly string[],
): Map<string, Delivery[]> {
  const groups = new Map<string, Delivery[]>();
  for (const { d, topics } of posts) {
    for (const key of keys(topics)) {
      const list = groups.get(key);
      if (list) list.push(d);
      else groups.set(key, [d]);
    }
  }
  return groups;
}

const byLabel = <T extends { label: string }>(a: T, b: T) => a.label.localeCompare(b.label);

/**
 * The evidence pack from the ledger: the posts delivered (sent or in doubt) that were due
 * in [since, until], and what became of them by `until`: discussed, planned, changed.
 * Teams are channels; a team counts once however many posts or colleagues.
 */
export function buildEvidence(input: EvidenceInput): Evidence {
  const o = outcomes(input);
  const posts = input.deliveries
    .filter((d) => d.status === 'sent' || d.status === 'in-doubt')
    .filter(
      (d) => (!input.since || d.dueAt >= input.since) && (!input.until || d.dueAt <= input.until),
    )
    .map((d) => ({ d, topics: topicsOf(input.corpus, d) }));
  const { corpus } = input;
  const reviews: ReviewEvidence[] = [
    ...groupBy(posts, (t) => (t.reviewId ? [t.reviewId] : [])),
  ].map(([reviewId, list]) => {
    const title = corpus.reviewById.get(reviewId)?.title ?? reviewId;
    const counts = countsOf(list, o, input.until);
    return {
      reviewId,
      title,
      ...counts,
      sentence: evidenceSentence(title, counts),
      ...quotes(input, list, o),
    };
  });
  const breakdown = (
    keys: (t: PostTopics) => readonly string[],
    label: (id: string) => string,
  ): BreakdownEvidence[] =>
    [...groupBy(posts, keys)]
      .map(([id, list]) => ({ id, label: label(id), ...countsOf(list, o, input.until) }))
      .sort(byLabel);
  return {
    totals: countsOf(
      posts.map((p) => p.d),
      o,
      input.until,
    ),
    reviews: reviews.sort((a, b) => a.title.localeCompare(b.title)),
    themes: breakdown(
      (t) => t.themes,
      (id) => corpus.themeById.get(id)?.label ?? id,
    ),
    agencies: breakdown(
      (t) => t.agencies,
      (id) => corpus.agencyById.get(id)?.label ?? id,
    ),
  };
}
