/** Lunr 2 with its default pipeline (stemmer, stop words). */

import lunr from 'lunr';
import { hitById, plainDocs } from './hits.ts';
import { type Engine, TOP_K } from './types.ts';

export const lunrEngine: Engine = {
  name: 'lunr',
  description: 'Lunr 2, default pipeline (English stemmer, stop words), OR of terms, BM25',
  async build(corpus) {
    const docs = plainDocs(corpus);
    const index = lunr(function () {
      this.ref('id');
      this.field('title');
      this.field('text');
      this.field('themes');
      for (const d of docs) this.add(d);
    });
    return {
      search(query) {
        // The query builder instead of index.search(): the same OR of terms through the
        // same pipeline, without lunr's query syntax throwing on "x-ray" or "a:b".
        const results = index.query((q) => {
          q.term(lunr.tokenizer(query), {});
        });
        return {
          hits: results.slice(0, TOP_K).map((r) => hitById(corpus, r.ref, r.score)),
          total: results.length,
        };
      },
    };
  },
};
