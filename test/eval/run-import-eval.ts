/**
 * `npm run eval:import [-- --verbose]`: imports every measured document (the published
 * seeds and the fictional fixtures) and prints, per document and over all, the learning
 * points found against those expected and the text wrongly taken; for the seeds, how
 * often a suggested theme is one the curated lesson has. --verbose lists misses.
 */
import { fileURLToPath } from 'node:url';
import { readDocument } from '../../src/adapters/documents/index.ts';
import { comparable, loadCorpus } from '../../src/core/index.ts';
import { importCases } from './import-cases.ts';
import { type ImportScore, scoreCase } from './import-evaluate.ts';

const corpus = await loadCorpus(fileURLToPath(new URL('../../lessons', import.meta.url)));
const cases = importCases(corpus);
const scores: ImportScore[] = [];
for (const item of cases) scores.push(await scoreCase(item, corpus, readDocument));

/** Of the expected lessons found, how many got at least one of their curated themes. */
function themeAgreement(score: ImportScore): { agree: number; of: number } | undefined {
  if (!score.case.name.startsWith('seed:')) return undefined;
  const curated = new Map(corpus.lessons.map((l) => [comparable(l.text), l.themes]));
  let agree = 0;
  let of = 0;
  for (const lesson of score.draft?.lessons ?? []) {
    const themes = curated.get(comparable(lesson.text));
    if (!themes) continue;
    of += 1;
    if (lesson.themes.some((t) => themes.includes(t))) agree += 1;
  }
  return { agree, of };
}

const pad = (text: string, width: number) => text.slice(0, width).padEnd(width);
console.log(`Import evaluation: ${cases.length} documents\n`);
console.log(
  `${pad('document', 44)} ${pad('mode', 10)} ${pad('found/expected', 15)} ${pad('wrongly taken', 14)} themes agree`,
);
let found = 0;
let expected = 0;
let wrong = 0;
let met = 0;
for (const score of scores) {
  const goal = score.case.mode === 'candidates' ? score.case.atLeast : score.case.expected.length;
  const got = Math.min(score.found.length, score.case.expected.length);
  found += got;
  expected += score.case.expected.length;
  wrong += score.wrong.length + score.forbidden.length;
  if (got >= goal && score.forbidden.length === 0) met += 1;
  const mode = score.draft?.mode === 'candidates' ? 'prose' : score.draft ? 'list' : 'nothing';
  const target =
    score.case.mode === 'candidates'
      ? `${got}/${score.case.expected.length} (≥${goal})`
      : `${got}/${goal}`;
  const themes = themeAgreement(score);
  console.log(
    `${pad(score.case.fileName, 44)} ${pad(mode, 10)} ${pad(target, 15)} ${pad(String(score.wrong.length + score.forbidden.length), 14)} ${themes ? `${themes.agree}/${themes.of}` : ''}`,
  );
}
console.log(
  `\nLearning points found: ${found}/${expected} (${((100 * found) / expected).toFixed(0)}%); wrongly taken: ${wrong}; documents meeting their target: ${met}/${scores.length}.`,
);
console.log(
  'Prose documents (minutes, a blog post) give candidate sentences; their target is the "≥" figure.',
);

if (process.argv.includes('--verbose')) {
  for (const score of scores) {
    const lines = [
      ...score.missing.map((t) => `  missing: ${t}`),
      ...score.wrong.map((t) => `  wrongly taken: ${t}`),
      ...score.forbidden.map((t) => `  taken, must not be: ${t}`),
    ];
    if (lines.length > 0) console.log(`\n${score.case.fileName}\n${lines.join('\n')}`);
  }
}
