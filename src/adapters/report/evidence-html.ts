import {
  type BreakdownEvidence,
  type EvidenceCounts,
  type EvidenceQuote,
  FUNNEL_STAGES,
  percentOf,
  type Report,
  type ReviewEvidence,
} from '../../core/index.ts';
import { escapeHtml } from './escape-html.ts';

/**
 * The evidence pack as HTML: per review a sentence to quote, a funnel (reached →
 * discussed → planned → changed) drawn as labelled bars with their numbers, and the same
 * numbers as a table; then follow-up answers, the teams' own words, and breakdowns by
 * theme and agency. Teams and lessons only, never people.
 */

const day = (iso: string) => iso.slice(0, 10);

function funnelBars(c: EvidenceCounts, title: string): string {
  const top = Math.max(1, c.teamsReached);
  const bars = FUNNEL_STAGES.map(([key, label]) => {
    const n = c[key];
    const width = Math.round((n / top) * 100);
    return `<div class="stage"><span class="stage-label">${escapeHtml(label)}</span><span class="stage-track"><span class="stage-bar" style="width:${width}%"></span></span><span class="stage-n">${n}</span></div>`;
  });
  const words = FUNNEL_STAGES.map(([key, label]) => `${label}: ${c[key]}`).join('; ');
  return `<div class="funnel" role="img" aria-label="${escapeHtml(`${title}, teams at each step: ${words}`)}">${bars.join('')}</div>`;
}

function funnelTable(c: EvidenceCounts, title: string): string {
  const rows = FUNNEL_STAGES.map(
    ([key, label]) =>
      `<tr class="stage-row"><th scope="row">${escapeHtml(label)}</th><td class="n">${c[key]}</td><td class="n">${percentOf(c[key], c.teamsReached)}</td></tr>`,
  );
  return `<table class="funnel-table"><caption>${escapeHtml(title)}: the chart as a table</caption><thead><tr class="head"><th scope="col">Step</th><th scope="col" class="n">Teams</th><th scope="col" class="n">Of teams reached</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** A funnel chart with its table alternative: the table carries every number the bars do. */
export function funnel(c: EvidenceCounts, title: string): string {
  return `<div class="funnel-pair">${funnelBars(c, title)}${funnelTable(c, title)}</div>`;
}

function facts(c: EvidenceCounts): string {
  const median =
    c.medianDaysToDiscussion === null
      ? 'no discussion yet'
      : `${c.medianDaysToDiscussion} days (median)`;
  const f = c.followUps;
  const items: [string, string | number][] = [
    ['Lessons delivered', c.lessonsDelivered],
    ['Review announcements delivered', c.announcementsDelivered],
    ['From a post to its discussion', median],
    ['Plans saved', c.plans],
    ['Follow-ups: practice changed', f.changed],
    ['Follow-ups: partly changed', f.partly],
    ['Follow-ups: not yet', f.notYet],
    ['Follow-ups: decided against', f.decidedAgainst],
  ];
  return `<dl class="facts">${items.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>`;
}

function quoteList(quotes: readonly EvidenceQuote[], heading: string, none: string): string {
  const body =
    quotes.length === 0
      ? `<p>${escapeHtml(none)}</p>`
      : `<ul class="plans">${quotes
          .map(
            (q) =>
              `<li><blockquote>${escapeHtml(q.text)}</blockquote><p>${escapeHtml(q.team)} · ${escapeHtml(q.title)} · ${escapeHtml(day(q.at))}</p></li>`,
          )
          .join('')}</ul>`;
  return `<h4>${escapeHtml(heading)}</h4>${body}`;
}

function reviewSection(r: ReviewEvidence): string {
  return [
    `<section class="review" aria-labelledby="review-${escapeHtml(r.reviewId)}">`,
    `<h3 id="review-${escapeHtml(r.reviewId)}">${escapeHtml(r.title)}</h3>`,
    `<p class="sentence">${escapeHtml(r.sentence)}</p>`,
    funnel(r, r.title),
    facts(r),
    quoteList(r.quotedPlans, 'Planned changes, in the teams’ words', 'No team saved a plan.'),
    quoteList(
      r.quotedChanges,
      'What changed, in the teams’ words',
      'No team has said what changed yet.',
    ),
    '</section>',
  ].join('');
}

function breakdownTable(rows: readonly BreakdownEvidence[], caption: string, noun: string) {
  if (rows.length === 0) return `<p>No ${escapeHtml(noun)} had a lesson delivered.</p>`;
  const head = [
    noun.charAt(0).toUpperCase() + noun.slice(1),
    'Teams reached',
    'Lessons delivered',
    'Teams that discussed',
    'Median days to discuss',
    'Teams that planned',
    'Teams that changed',
    'Answers: changed',
    'Partly',
    'Not yet',
    'Decided against',
  ];
  const th = head
    .map((h, i) => `<th scope="col"${i > 0 ? ' class="n"' : ''}>${escapeHtml(h)}</th>`)
    .join('');
  const body = rows.map((r) => {
    const cells = [
      r.teamsReached,
      r.lessonsDelivered,
      r.teamsDiscussed,
      r.medianDaysToDiscussion ?? '—',
      r.teamsPlanned,
      r.teamsChanged,
      r.followUps.changed,
      r.followUps.partly,
      r.followUps.notYet,
      r.followUps.decidedAgainst,
    ].map((n) => `<td class="n">${escapeHtml(n)}</td>`);
    return `<tr class="breakdown-row"><th scope="row">${escapeHtml(r.label)}</th>${cells.join('')}</tr>`;
  });
  return `<div class="wide"><table><caption>${escapeHtml(caption)}</caption><thead><tr class="head">${th}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
}

/** The evidence pack's sections, from the h2 down. */
export function evidenceHtml(report: Report): string {
  const e = report.evidence;
  const reviews =
    e.reviews.length === 0
      ? '<p>No lesson was delivered in this period.</p>'
      : e.reviews.map(reviewSection).join('');
  return [
    '<h2>From reaching teams to changing practice</h2>',
    '<section class="review" aria-labelledby="all-reviews">',
    '<h3 id="all-reviews">All reviews</h3>',
    funnel(e.totals, 'All reviews'),
    facts(e.totals),
    '</section>',
    reviews,
    '<h2>By theme and by agency</h2>',
    breakdownTable(e.themes, 'Themes of the lessons delivered', 'theme'),
    breakdownTable(e.agencies, 'Agencies the lessons are for', 'agency'),
  ].join('\n');
}
