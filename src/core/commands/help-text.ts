import type { HelpSection, Reply } from '../model/index.ts';
import type { HelpTopic } from './command.ts';

const ASK: HelpSection = {
  title: 'Ask a question',
  lines: [
    'Ask in your own words: lessons-bot finds the lessons from published case reviews that fit best. It knows the field’s abbreviations (CSE, MARAC, CLA) and old terms (LAC, SCR), and forgives typos.',
  ],
  examples: [
    'lessons on chronologies',
    'what do reviews say about escalation?',
    'CSE',
    'disguised compliance',
  ],
};

const FILTERS: HelpSection = {
  title: 'Narrow it down',
  lines: ['Add filters to any question: theme:<id>, review:<id>, agency:<id>, since:<year>.'],
  examples: [
    'neglect agency:health-visiting',
    'information sharing since:2015',
    'theme:escalation',
  ],
};

const BROWSE: HelpSection = {
  title: 'Browse',
  lines: ['See what the corpus holds, or pick a lesson at random to discuss.'],
  examples: [
    'themes',
    'theme neglect',
    'reviews',
    'review Child R',
    'lesson southwark-child-r/8',
    'random',
  ],
};

const BRIEFINGS: HelpSection = {
  title: 'Weekly briefing for your team',
  lines: [
    'Subscribe a channel to get one lesson a week to discuss in your team meeting, at your own day, time and timezone (default Monday 09:00 Europe/London), optionally on chosen themes.',
    'Subscribe again to change any of them (“themes all” for every theme). “preview” shows you the next lesson before the channel sees it.',
    'A lesson nobody marks discussed gets one reminder a week later, on a working day (“reminders off” to stop them; name your nation, e.g. “scotland”, for its bank holidays). Six weeks after a lesson your team planned a change for, the bot asks whether it made a difference.',
  ],
  examples: [
    'subscribe',
    'subscribe tue 10:30 Europe/London themes neglect,escalation',
    'subscribe wales reminders off',
    'subscription',
    'preview',
    'unsubscribe',
  ],
};

const ADMIN: HelpSection = {
  title: 'For the partnership office',
  lines: [
    'Publish a new review to every subscribed channel, report what reached which team and what was discussed, or reload the corpus after editing it.',
    'A report can be narrowed to a period, a review, a theme or an agency: since, until, review, theme and agency each take a value, in any order.',
  ],
  examples: [
    'publish <review-id>',
    'report since 2026-01-01',
    'report since 2026-01-01 until 2026-03-31 review <review-id>',
    'reload',
  ],
};

const PRIVACY: HelpSection = {
  title: 'Privacy',
  lines: [
    'Answers come from published, anonymised reviews only. Please do not put names, dates of birth, addresses or NHS numbers in a question: lessons-bot does not need them and does not keep your questions.',
  ],
  examples: ['help about'],
};

/** Background from the purpose of case reviews; shown for "what is a case review?". */
const ABOUT: HelpSection[] = [
  {
    title: 'What is a case review?',
    lines: [
      'A case review looks at how agencies worked together when a child died or was seriously harmed and abuse or neglect was known or suspected. Each nation of the UK has its own kind:',
      'England: local child safeguarding practice reviews (LCSPRs), by the local safeguarding partnership, and national reviews by the Child Safeguarding Practice Review Panel; before 2018 they were serious case reviews (SCRs).',
      'Wales: child practice reviews; since October 2024, single unified safeguarding reviews (SUSRs), one process for children and adults.',
      'Scotland: learning reviews, by child protection committees; before 2021, significant and initial case reviews.',
      'Northern Ireland: case management reviews (CMRs), by the Safeguarding Board for Northern Ireland.',
      'A review is not an inquiry into how a child died or who is to blame: that is for coroners and the criminal courts. Its purpose is to establish what can be learned about how local professionals and organisations work together to safeguard children, to say clearly what those lessons are, how they will be acted on and what is expected to change, and so to improve how agencies work together to keep children safe.',
      'Most practitioners never read a whole review. lessons-bot brings their learning points into the channels where you work, quoted from the published review with a link to it.',
    ],
    examples: ['reviews', 'themes', 'lessons on information sharing'],
  },
];

export function helpReply(topic: HelpTopic, isAdmin: boolean): Reply {
  switch (topic) {
    case 'search':
      return { kind: 'help', title: 'How to ask lessons-bot', sections: [ASK, FILTERS, BROWSE] };
    case 'subscribe':
      return { kind: 'help', title: 'Weekly briefings', sections: [BRIEFINGS] };
    case 'admin':
      return { kind: 'help', title: 'Admin commands', sections: [ADMIN] };
    case 'about':
      return { kind: 'help', title: 'About case reviews', sections: ABOUT };
    case 'general':
      return {
        kind: 'help',
        title: 'lessons-bot: learning from case reviews, where you work',
        sections: [ASK, FILTERS, BROWSE, BRIEFINGS, ...(isAdmin ? [ADMIN] : []), PRIVACY],
      };
  }
}
