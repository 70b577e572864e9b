/**
 * Plain engines on the same questions, so that what the query understanding adds is
 * visible: MiniSearch with its default options, and lunr with its default pipeline
 * (stemmer and stop-words), over the same documents as the benchmark's (title, text and
 * theme labels). Neither knows a topic the corpus lacks, so neither names one.
 */
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { plainDocs } from '../../bench/search/engines/hits.ts';
import type { Corpus } from '../../src/core/lessons/index.ts';
import type { Answerer } from './evaluate.ts';

const TOP = 10;

export function plainMiniSearch(corpus: Corpus): Answerer {
  const index = new MiniSearch({ fields: ['title', 'text', 'themes'] });
  index.addAll(plainDocs(corpus));
  return (question) => ({
    ids: index
      .search(question)
      .slice(0, TOP)
      .map((r) => String(r.id)),
    uncovered: [],
  });
}

export function plainLunr(corpus: Corpus): Answerer {
  const docs = plainDocs(corpus);
  const index = lunr(function () {
    this.ref('id');
    for (const field of ['title', 'text', 'themes']) this.field(field);
    for (const doc of docs) this.add(doc);
  });
  return (question) => ({
    // The query builder, as in the benchmark: lunr's query syntax would throw on "a:b".
    ids: index
      .query((q) => {
        q.term(lunr.tokenizer(question), {});
      })
      .slice(0, TOP)
      .map((r) => r.ref),
    uncovered: [],
  });
}
