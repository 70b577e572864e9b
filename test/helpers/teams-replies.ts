/** Hand-made Replies of every kind, for renderer snapshots that do not move when the corpus grows. */
import type {
  Briefing,
  LessonCard,
  OutgoingMessage,
  Reply,
  ReviewCard,
} from '../../src/core/index.ts';

export const REVIEW: ReviewCard = {
  id: 'southwark-child-r',
  title: 'Child R',
  kind: 'scr',
  partnership: 'Southwark Safeguarding Children Board',
  area: 'Southwark',
  published: '2015-06',
  year: 2015,
  url: 'https://example.org/reviews/child-r.pdf',
  summary:
    'Child R was a looked after child placed out of borough. The review looked at how agencies shared information.',
  source: 'Southwark SCB, Serious Case Review: Child R (2015), learning points',
  lessonCount: 2,
};

export const LESSON: LessonCard = {
  id: 'southwark-child-r/8',
  title: 'Keep a genogram, an up-to-date chronology and a transfer summary on every case',
  text: 'Case records need to include a genogram, an up-to-date chronology and a transfer summary.',
  review: REVIEW,
  themes: [
    { id: 'chronologies', label: 'Chronologies' },
    { id: 'case-recording', label: 'Case recording' },
  ],
  agencies: [{ id: 'childrens-social-care', label: 'Children’s social care' }],
  questions: [
    'Is our chronology up to date for every child we hold?',
    'Who writes the transfer summary?',
  ],
};

const NO_URL: LessonCard = {
  ...LESSON,
  id: 'cumbria-children-p/6',
  title: 'Use chronologies and neglect tools to see the pattern of risk over time',
  review: {
    ...REVIEW,
    id: 'cumbria-children-p',
    title: 'Children P',
    kind: 'lcspr',
    area: 'Cumbria',
    year: 2017,
    url: null,
  },
};

export const BRIEFING: Briefing = {
  deliveryId: 'd-briefing-1',
  period: '2026-W48',
  lesson: LESSON,
  whatHappened:
    'Child R was a looked after child placed out of borough. The review looked at how agencies shared information.',
  questions: LESSON.questions,
  acknowledgements: 2,
};

export const OUTGOING = {
  briefing: { kind: 'briefing', briefing: BRIEFING },
  'briefing-without-link-or-themes': {
    kind: 'briefing',
    briefing: { ...BRIEFING, acknowledgements: 0, lesson: { ...NO_URL, themes: [] } },
  },
  announcement: {
    kind: 'announcement',
    announcement: {
      deliveryId: 'd-broadcast-1',
      review: REVIEW,
      keyLessons: [LESSON, NO_URL],
      totalLessons: 2,
      acknowledgements: 1,
    },
  },
  'follow-up': {
    kind: 'follow-up',
    followUp: {
      deliveryId: 'd-briefing-1',
      lesson: LESSON,
      plan: 'Start a chronology at the first referral',
      weeks: 6,
    },
  },
  'follow-up-answered': {
    kind: 'follow-up',
    followUp: {
      deliveryId: 'd-briefing-1',
      lesson: LESSON,
      plan: 'Start a chronology at the first referral',
      weeks: 7,
      answer: 'partly',
      whatChanged: 'Huddles start with the chronology',
    },
  },
  reminder: {
    kind: 'reminder',
    reminder: { deliveryId: 'd-briefing-1', lessonTitle: LESSON.title, replyTo: 'activity-1' },
  },
} satisfies Record<string, OutgoingMessage>;

export const REPLIES: Record<string, Reply> = {
  results: {
    kind: 'results',
    query: 'chronologies',
    heading: 'Lessons for “chronologies”',
    total: 6,
    offset: 0,
    lessons: [{ ...LESSON, matched: ["chronology (from 'chronologies')"] }, NO_URL],
    more: { kind: 'more', query: 'chronologies', offset: 2 },
    notices: [{ kind: 'corrected', text: 'Showing lessons for “chronology”.' }],
  },
  'results-last-page-with-privacy-notice': {
    kind: 'results',
    query: '',
    heading: 'Lessons',
    total: 2,
    offset: 0,
    lessons: [NO_URL],
    more: null,
    notices: [
      { kind: 'privacy', text: 'Please don’t share case details such as a date of birth in chat.' },
    ],
  },
  'no-results': {
    kind: 'no-results',
    query: 'zebras',
    suggestions: [
      { id: 'neglect', label: 'Neglect', count: 12 },
      { id: 'escalation', label: 'Escalation', count: 5 },
    ],
    notices: [],
  },
  lesson: { kind: 'lesson', lesson: LESSON, notices: [] },
  themes: {
    kind: 'themes',
    themes: [
      {
        id: 'neglect',
        label: 'Neglect',
        description: 'Persistent failure to meet a child’s basic needs.',
        count: 12,
      },
      {
        id: 'chronologies',
        label: 'Chronologies',
        description: 'Keeping and using a history of events.',
        count: 6,
      },
    ],
  },
  reviews: { kind: 'reviews', reviews: [REVIEW, NO_URL.review] },
  review: { kind: 'review', review: REVIEW, lessons: [LESSON] },
  help: {
    kind: 'help',
    title: 'How to ask lessons-bot',
    sections: [
      {
        title: 'Ask a question',
        lines: ['Ask in your own words.'],
        examples: ['lessons on chronologies', 'CSE'],
      },
    ],
  },
  'not-available': {
    kind: 'error',
    code: 'not_available',
    message: '“subscribe” works in a Slack or Teams channel once weekly briefings are switched on.',
    suggestions: [],
  },
  error: {
    kind: 'error',
    code: 'lesson_not_found',
    message: 'There is no lesson “x/99”.',
    suggestions: [
      { label: 'x/9', action: { kind: 'lesson', id: 'x/9' } },
      { label: 'x/1', action: { kind: 'lesson', id: 'x/1' } },
    ],
  },
  notice: { kind: 'notice', text: 'Reloaded: 41 lessons from 4 reviews.' },
  subscription: {
    kind: 'subscription',
    change: 'subscribed',
    subscription: {
      id: 's-1',
      platform: 'teams',
      channel: 'Early Help › Safeguarding',
      day: 'Tuesday',
      time: '10:30',
      timezone: 'Europe/London',
      schedule: 'every Tuesday at 10:30 (Europe/London)',
      themes: [{ id: 'neglect', label: 'Neglect' }],
      status: 'active',
      statusReason: null,
      nextPost: 'Tuesday 24 November 2026, 10:30 (Europe/London)',
      nextPostAt: '2026-11-24T10:30:00.000Z',
    },
    text: 'Subscribed: this channel will get a lesson to discuss every Tuesday at 10:30 (Europe/London), on Neglect. The first comes on Tuesday 24 November 2026, 10:30 (Europe/London).',
    examples: ['preview', 'subscription', 'unsubscribe'],
  },
  'briefing-preview': {
    kind: 'briefing',
    preview: true,
    briefing: { ...BRIEFING, deliveryId: '', acknowledgements: 0 },
    nextPost: 'Tuesday 24 November 2026, 10:30 (Europe/London)',
    notices: [],
  },
  published: {
    kind: 'published',
    review: REVIEW,
    round: 1,
    resumed: false,
    counts: { subscriptions: 3, sent: 2, already: 0, pending: 0, gone: 0, paused: 1, failed: 0 },
    gone: [],
    paused: [
      {
        subscriptionId: 's-3',
        platform: 'teams',
        workspace: 'tenant',
        channel: '19:old@thread.tacv2',
        label: 'Old team › General',
        reason: 'HTTP 403 BotNotInConversationRoster',
      },
    ],
    failed: [],
    text: 'Published “Child R” (Southwark, 2015) to 2 channels. 1 channel without the bot, now paused until it is back: Old team › General.',
    notices: [],
  },
  report: {
    kind: 'report',
    report: {
      generatedAt: '2026-11-27T12:00:00.000Z',
      since: null,
      until: null,
      totals: {
        channels: 1,
        activeChannels: 1,
        briefingsDelivered: 4,
        broadcastsDelivered: 1,
        teamsDiscussed: 1,
        lessonsDiscussed: 3,
        discussions: 3,
        plans: 1,
      },
      channels: [
        {
          label: 'Early Help › Safeguarding',
          platform: 'teams',
          status: 'active',
          statusReason: null,
          briefings: { delivered: 4, sent: 4, inDoubt: 0 },
          broadcasts: { delivered: 1, sent: 1, inDoubt: 0 },
          discussed: 3,
          plans: 1,
          lastDelivery: '2026-11-24T10:30:02.000Z',
        },
      ],
      omitted: 0,
      reviews: [
        {
          title: 'Child R',
          sentence:
            'The learning from Child R reached 23 teams; 17 discussed it; 9 planned a change; 5 report a change in practice.',
          stages: [
            { label: 'Teams reached', count: 23 },
            { label: 'Discussed it', count: 17 },
            { label: 'Planned a change', count: 9 },
            { label: 'Changed practice (fully or in part)', count: 5 },
          ],
        },
      ],
      reviewsOmitted: 4,
    },
    text: '1 channel (1 active): 4 weekly lessons and 1 review announcement delivered; 1 team discussed 3 posts (3 lessons), 1 plan made.',
    notices: [],
  },
};
