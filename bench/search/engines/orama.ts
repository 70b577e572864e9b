/** Orama 3 with default options (BM25, prefix matching, no typo tolerance). */

import { create, insertMultiple, search } from '@orama/orama';
import { hitById, plainDocs } from './hits.ts';
import { type Engine, TOP_K } from './types.ts';

export const oramaEngine: Engine = {
  name: 'orama',
  description: 'Orama 3, default options: BM25, OR of terms, prefix matching, tolerance 0',
  async build(corpus) {
    const db = create({
      schema: { id: 'string', title: 'string', text: 'string', themes: 'string' } as const,
    });
    await insertMultiple(db, plainDocs(corpus));
    return {
      search(query) {
        const toAnswer = (r: { count: number; hits: { id: string; score: number }[] }) => ({
          hits: r.hits.map((h) => hitById(corpus, h.id, h.score)),
          total: r.count,
        });
        const result = search(db, { term: query, limit: TOP_K });
        return result instanceof Promise ? result.then(toAnswer) : toAnswer(result);
      },
    };
  },
};
