/**
 * `npm run eval [-- --verbose] [-- --floors]`: searches the real corpus (lessons/) with every
 * question of questions.yaml and prints recall@3, MRR, and how often a relevant lesson is in
 * the top three and first, per category, for lessons-bot and, on the same questions, plain
 * MiniSearch and lunr. --verbose lists lessons-bot's misses; --floors prints floors (a
 * little under its scores) for floors.json.
 */
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../src/core/lessons/index.ts';
import { createSearchIndex } from '../../src/core/search/index.ts';
import { plainLunr, plainMiniSearch } from './baselines.ts';
import { evaluate, formatTable, loadQuestions, searchAnswerer } from './evaluate.ts';
import { floorsFrom } from './floors.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const corpus = await loadCorpus(here('../../lessons'));
const questions = loadQuestions(here('questions.yaml'));
const known = new Set(corpus.lessonById.keys());
const evaluation = evaluate(searchAnswerer(createSearchIndex(corpus)), questions, known);
const engines = [
  { name: 'lessons-bot', evaluation },
  { name: 'plain MiniSearch', evaluation: evaluate(plainMiniSearch(corpus), questions, known) },
  { name: 'lunr', evaluation: evaluate(plainLunr(corpus), questions, known) },
];

console.log(
  `Search evaluation: ${questions.length} questions over ${corpus.lessons.length} lessons\n`,
);
console.log(formatTable(engines));
const misses = evaluation.results.filter((r) => r.recall3 < 1 || r.rr < 1 || r.failures.length > 0);
if (process.argv.includes('--verbose')) {
  for (const r of misses) {
    console.log(
      `\n[${r.question.category}] ${r.question.q}  recall@3=${r.recall3.toFixed(2)} rr=${r.rr.toFixed(2)}`,
    );
    console.log(`  expected ${r.question.relevant.join(', ') || 'nothing'}`);
    console.log(`  returned ${r.returned.join(', ') || 'nothing'}`);
    for (const f of r.failures) console.log(`  ✗ ${f}`);
    for (const m of r.misses) console.log(`  · ${m} (held out: scored, not failed)`);
  }
} else if (misses.length > 0) {
  console.log(
    `\n${misses.length} questions below recall@3 = 1 or MRR = 1, or missing an expectation; --verbose lists them.`,
  );
}

if (process.argv.includes('--floors')) {
  console.log(
    `\nFloors for test/eval/floors.json:\n${JSON.stringify(floorsFrom(evaluation), null, 2)}`,
  );
}
