/** Every engine the benchmark knows, in report order. */

import { flexsearchEngine } from './flexsearch.ts';
import { lessonsBot, lessonsBotCached } from './lessons-bot.ts';
import { lunrEngine } from './lunr.ts';
import { minisearchExact, minisearchFuzzy } from './minisearch.ts';
import { oramaEngine } from './orama.ts';
import type { Engine } from './types.ts';

export const ENGINES: readonly Engine[] = [
  lessonsBot,
  lessonsBotCached,
  minisearchExact,
  minisearchFuzzy,
  lunrEngine,
  flexsearchEngine,
  oramaEngine,
];

export function engineByName(name: string): Engine | undefined {
  return ENGINES.find((e) => e.name === name);
}
