/** FlexSearch 0.8: one Index over title, text and theme labels joined; default options. */

import FlexSearch from 'flexsearch';
import { toHit } from './hits.ts';
import { type Engine, TOP_K } from './types.ts';

export const flexsearchEngine: Engine = {
  name: 'flexsearch',
  description:
    'FlexSearch 0.8 Index over joined title/text/themes, default (strict) tokenizer; ' +
    'exact terms, AND of terms, contextual ranking (not BM25), no field boosts',
  async build(corpus) {
    const index = new FlexSearch.Index();
    const themeLabel = (t: string): string => corpus.themeById.get(t)?.label ?? t;
    corpus.lessons.forEach((l, i) => {
      index.add(i, `${l.title} ${l.text} ${l.themes.map(themeLabel).join(' ')}`);
    });
    return {
      search(query) {
        const ids = index.search(query, { limit: TOP_K });
        const hits = [];
        for (const [rank, id] of ids.entries()) {
          const lesson = corpus.lessons[Number(id)];
          if (lesson !== undefined) hits.push(toHit(corpus, lesson, TOP_K - rank));
        }
        return { hits };
      },
    };
  },
};
