/** Plain MiniSearch, default options: the baseline the targets are relative to. */

import MiniSearch, { type SearchOptions } from 'minisearch';
import { hitById, plainDocs } from './hits.ts';
import { type Engine, TOP_K } from './types.ts';

function miniSearchEngine(name: string, description: string, options?: SearchOptions): Engine {
  return {
    name,
    description,
    async build(corpus) {
      const index = new MiniSearch({ fields: ['title', 'text', 'themes'], storeFields: ['id'] });
      index.addAll(plainDocs(corpus));
      return {
        search(query) {
          const results =
            options === undefined ? index.search(query) : index.search(query, options);
          return {
            hits: results.slice(0, TOP_K).map((r) => hitById(corpus, String(r.id), r.score)),
            total: results.length,
          };
        },
      };
    },
  };
}

export const minisearchExact = miniSearchEngine(
  'minisearch',
  'MiniSearch 7, default options, fields title/text/themes; exact terms, OR, BM25+',
);

export const minisearchFuzzy = miniSearchEngine(
  'minisearch-fuzzy',
  'MiniSearch 7 as above, searched with { fuzzy: 0.2, prefix: true } (typo tolerance)',
  { fuzzy: 0.2, prefix: true },
);
