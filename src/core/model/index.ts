/**
 * The shared nouns of the core: where the bot posts, what it posted, the briefing it
 * posts and the reply every front door renders. Types only; every core folder may
 * depend on them and they depend on none but the corpus's types.
 */
export type * from './briefing.ts';
export type * from './delivery.ts';
export type * from './evidence.ts';
export type * from './lesson-card.ts';
export type * from './reply.ts';
export type * from './report.ts';
export type * from './subscription.ts';
