import {
  type Briefing,
  type ChannelOutcome,
  funnelRows,
  type HelpSection,
  type LessonCard,
  type Notice,
  type Reply,
  type ReportSummary,
  type ReviewCard,
  type SubscriptionCard,
  statusWithReason,
} from '../../core/index.ts';

const WIDTH = 78;
const INDENT = '   ';

/** How a command is typed at this front door: `lessons-bot …` or, in the console, bare. */
export interface TextStyle {
  prefix: string;
}

function source(review: ReviewCard): string {
  return `${review.title} · ${review.area} · ${review.year}`;
}

function lessonBlock(lesson: LessonCard, n: number | null, full: boolean): string {
  const head = n === null ? lesson.title : `${n}. ${lesson.title}`;
  const lines = [
    head,
    `${INDENT}${lesson.id} · ${source(lesson.review)}`,
    `${INDENT}${wrap(lesson.text, WIDTH, INDENT)}`,
    `${INDENT}Themes: ${lesson.themes.map((t) => t.label).join(', ')}`,
  ];
  if (lesson.matched?.length) lines.push(`${INDENT}Matched: ${lesson.matched.join(', ')}`);
  if (full) {
    if (lesson.agencies.length > 0)
      lines.push(`${INDENT}Agencies: ${lesson.agencies.map((a) => a.label).join(', ')}`);
    for (const q of lesson.questions) lines.push(`${INDENT}? ${wrap(q, WIDTH, `${INDENT}  `)}`);
    if (lesson.review.url) lines.push(`${INDENT}Review: ${lesson.review.url}`);
  }
  return lines.join('\n');
}

function noticeLines(notices: readonly Notice[]): string[] {
  return notices.map((n) => wrap(n.text, WIDTH));
}

function helpSection(section: HelpSection, style: TextStyle): string {
  const lines = [section.title, ...section.lines.map((l) => `${INDENT}${wrap(l, WIDTH, INDENT)}`)];
  for (const example of section.examples) lines.push(`${INDENT}${style.prefix}${example}`);
  return lines.join('\n');
}

function reviewLine(review: ReviewCard): string {
  const count = review.lessonCount === 1 ? '1 lesson' : `${review.lessonCount} lessons`;
  return `${review.id}  ${review.title} (${review.area}, ${review.published}, ${review.kind.toUpperCase()}) — ${count}`;
}

function subscriptionLines(view: SubscriptionCard): string[] {
  const themes =
    view.themes.length === 0 ? 'every theme' : view.themes.map((t) => t.label).join(', ');
  const lines = [`${INDENT}Schedule: ${view.schedule}`, `${INDENT}Themes: ${themes}`];
  if (view.nextPost) lines.push(`${INDENT}Next: ${view.nextPost}`);
  if (view.status !== 'active')
    lines.push(
      `${INDENT}Status: ${view.status}${view.statusReason ? ` (${view.statusReason})` : ''}`,
    );
  return lines;
}

function briefingText(briefing: Briefing, nextPost: string | null): string[] {
  const when = nextPost ? `, to be posted ${nextPost}` : '';
  return [
    `Preview: lesson of the week (${briefing.period})${when}`,
    '',
    lessonBlock(briefing.lesson, null, false),
    'What happened',
    `${INDENT}${wrap(briefing.whatHappened, WIDTH, INDENT)}`,
    'Questions for your team',
    ...briefing.questions.map((q, i) => `${INDENT}${i + 1}. ${wrap(q, WIDTH, `${INDENT}   `)}`),
    ...(briefing.lesson.review.url ? [`Review: ${briefing.lesson.review.url}`] : []),
  ];
}

function channelList(title: string, channels: readonly ChannelOutcome[]): string[] {
  if (channels.length === 0) return [];
  return [title, ...channels.map((c) => `${INDENT}${c.label} (${c.platform}): ${c.reason}`)];
}

function reportTable(report: ReportSummary): string[] {
  const head = [
    'Channel',
    'Platform',
    'Status',
    'Briefings',
    'Broadcasts',
    'Discussed',
    'Plans',
    'Last delivery',
  ];
  const rows = report.channels.map((c) => [
    c.label,
    c.platform,
    statusWithReason(c),
    String(c.briefings.delivered),
    String(c.broadcasts.delivered),
    String(c.discussed),
    String(c.plans),
    c.lastDelivery?.slice(0, 10) ?? '—',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `${INDENT}${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd();
  const more = report.omitted > 0 ? [`${INDENT}… and ${report.omitted} more`] : [];
  return [line(head), ...rows.map(line), ...more];
}

/** Each review's sentence, then its funnel as a small table, as chat shows it. */
function reviewLines({ reviews, reviewsOmitted }: ReportSummary): string[] {
  const lines = reviews.flatMap((r) => {
    const rows = funnelRows(r.stages);
    const width = Math.max(0, ...rows.map((row) => row.label.length));
    return [
      '',
      wrap(r.sentence, WIDTH),
      ...rows.map((row) => `${INDENT}${row.label.padEnd(width)}  ${row.value}`),
    ];
  });
  if (reviewsOmitted > 0)
    lines.push(
      '',
      `… and ${reviewsOmitted} more review${reviewsOmitted === 1 ? '' : 's'} in the full report.`,
    );
  return lines;
}

/** Reply → plain text for a terminal. Pure. */
export function renderText(reply: Reply, style: TextStyle): string {
  switch (reply.kind) {
    case 'results': {
      const shown = `${reply.offset + 1}–${reply.offset + reply.lessons.length} of ${reply.total}`;
      const blocks = reply.lessons.map((l, i) => lessonBlock(l, reply.offset + i + 1, false));
      const more = reply.more
        ? [`More: ${style.prefix === '' ? 'more' : 'use --offset'} to see the next lessons.`]
        : [];
      return [
        ...noticeLines(reply.notices),
        `${reply.heading} (${shown})`,
        '',
        blocks.join('\n\n'),
        ...more,
      ].join('\n');
    }
    case 'no-results': {
      const asked = reply.query === '' ? 'your question' : `“${reply.query}”`;
      const tries = reply.suggestions.map(
        (s) => `${INDENT}${style.prefix}theme ${s.id}  (${s.label}, ${s.count})`,
      );
      return [
        ...noticeLines(reply.notices),
        `No lessons match ${asked}.`,
        ...(tries.length > 0 ? ['Try a theme:', ...tries] : []),
      ].join('\n');
    }
    case 'lesson':
      return [...noticeLines(reply.notices), lessonBlock(reply.lesson, null, true)].join('\n');
    case 'themes':
      return [
        'Themes (lessons)',
        ...reply.themes.map((t) => `${INDENT}${t.id.padEnd(32)} ${t.label} (${t.count})`),
      ].join('\n');
    case 'reviews':
      return ['Reviews', ...reply.reviews.map((r) => `${INDENT}${reviewLine(r)}`)].join('\n');
    case 'review': {
      const r = reply.review;
      const head = [
        `${r.title} — ${r.partnership}, ${r.area}, ${r.published}`,
        `${INDENT}${wrap(r.summary, WIDTH, INDENT)}`,
      ];
      if (r.url) head.push(`${INDENT}${r.url}`);
      if (r.source) head.push(`${INDENT}Source: ${wrap(r.source, WIDTH, INDENT)}`);
      return [...head, '', ...reply.lessons.map((l) => `${INDENT}${l.id}  ${l.title}`)].join('\n');
    }
    case 'help':
      return [reply.title, '', reply.sections.map((s) => helpSection(s, style)).join('\n\n')].join(
        '\n',
      );
    case 'error': {
      const tries =
        reply.suggestions.length > 0
          ? [`Did you mean: ${reply.suggestions.map((s) => s.label).join(', ')}?`]
          : [];
      return [reply.message, ...tries].join('\n');
    }
    case 'notice':
      return reply.text;
    case 'subscription':
      return [
        wrap(reply.text, WIDTH),
        ...(reply.subscription ? subscriptionLines(reply.subscription) : []),
        `Try: ${reply.examples.map((e) => `${style.prefix}${e}`).join(', ')}`,
      ].join('\n');
    case 'briefing':
      return [...noticeLines(reply.notices), ...briefingText(reply.briefing, reply.nextPost)].join(
        '\n',
      );
    case 'published':
      return [
        wrap(reply.text, WIDTH),
        ...channelList('Gone (marked inactive):', reply.gone),
        ...channelList('Without the bot (paused until it is back):', reply.paused),
        ...channelList('Could not be reached:', reply.failed),
        ...noticeLines(reply.notices),
      ].join('\n');
    case 'report':
      return [
        wrap(reply.text, WIDTH),
        '',
        ...reportTable(reply.report),
        ...reviewLines(reply.report),
        '',
        ...noticeLines(reply.notices),
      ].join('\n');
  }
}

/** Word-wraps `text` to `width` columns, every line after the first indented by `indent`. */
export function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const room = width - (lines.length === 0 ? 0 : indent.length);
    if (line !== '' && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join(`\n${indent}`);
}
