import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FIXTURES,
  problemLines,
  tempCorpus,
  warningLines,
} from '../../../test/fixtures/lessons/temp-corpus.ts';
import { validateCorpus } from './index.ts';

const HOW_TO_START =
  'start with "id: <review-id>" and the other fields of the review, then "lessons:" (see docs/adding-a-review.md)';
const NO_TAGS = 'remove the tag: the corpus holds only plain text, numbers, lists and mappings';

describe('validateCorpus', () => {
  it('finds nothing wrong with a valid corpus, and does not warn about unused themes', async () => {
    const result = await validateCorpus(`${FIXTURES}/valid`);
    expect(problemLines(result)).toEqual([]);
    expect(warningLines(result)).toEqual([]);
    expect(result.corpus?.themeById.has('voice-of-the-child')).toBe(true);
  });

  it('reports every problem in every file at once, each on its line', async () => {
    // Broken YAML is written here, not committed: Biome would refuse it in the repository.
    const { dir: B, cleanup } = await tempCorpus('broken');
    await writeFile(
      path.join(B, 'bad-syntax.yaml'),
      'id: bad-syntax\ntitle: "Child C\nkind: scr\n',
    );
    const result = await validateCorpus(B).finally(cleanup);
    expect(result.corpus).toBeUndefined();
    expect(problemLines(result)).toEqual([
      `${B}/bad-syntax.yaml:2: YAML syntax error at column 8: a quote is opened but never closed — close the quote where the text ends`,
      `${B}/bad-values.yaml:1: id: "Bad Values" is not a valid id — use lower-case letters, digits and single hyphens, e.g. "southwark-child-r"`,
      `${B}/bad-values.yaml:3: kind: "SCR" is not one of the allowed values — use one of: scr, lcspr, national, thematic`,
      `${B}/bad-values.yaml:4: partnership: is empty — add the partnership or board that published it`,
      `${B}/bad-values.yaml:6: published: "2015/07" is not a date — write the date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2015-07`,
      `${B}/bad-values.yaml:7: url: "ftp://example.org/child-j" is not a web link — give a full http(s) link, or leave the field out`,
      `${B}/bad-values.yaml:8: summary: is empty — add a short summary of what happened`,
      `${B}/bad-values.yaml:13: lessons[0].themes: the list is empty — give at least one theme id from lessons/themes.yaml`,
      `${B}/bad-values.yaml:14: lessons[0].questions: lists 9 items — give at most 8 questions`,
      `${B}/bad-values.yaml:15: lessons[1]: expected a mapping (fields with "name: value"), found text — write it as fields, one "name: value" per line`,
      `${B}/comments-only.yaml: has only comments, no content — write the review here: ${HOW_TO_START}; or delete the file`,
      `${B}/duplicate-ids.yaml:1: id: review id "alpha-child-a" is already used in ${B}/alpha-child-a.yaml:2 — give each review its own id`,
      `${B}/duplicate-ids.yaml:9: lessons[0].id: lesson id "alpha-child-a/1" is already used in ${B}/alpha-child-a.yaml:12 — give each lesson its own number, e.g. "alpha-child-a/3"`,
      `${B}/duplicate-ids.yaml:13: lessons[1].id: lesson id "alpha-child-a/1" is already used in ${B}/alpha-child-a.yaml:12 — give each lesson its own number, e.g. "alpha-child-a/3"`,
      `${B}/duplicate-keys.yaml:8: "title" appears twice in the same mapping — keep one of them and delete the other`,
      `${B}/empty.yaml: is empty — write the review here: ${HOW_TO_START}; or delete the file`,
      `${B}/missing-field.yaml:1: summary: missing field \`summary\` — add a short summary of what happened`,
      `${B}/missing-field.yaml:8: lessons[0].themes: missing field \`themes\` — add "themes:" with at least one theme id from themes.yaml`,
      `${B}/scalar.yaml:1: should be a mapping of fields ("name: value" lines), but it is text — ${HOW_TO_START}`,
      `${B}/top-level-list.yaml:1: should be a mapping of fields ("name: value" lines), but it is a list — ${HOW_TO_START}`,
      `${B}/unknown-field.yaml:12: lessons[0].theme: unknown field \`theme\` — did you mean \`themes\`?`,
      `${B}/unknown-field.yaml:13: lessons[0].colour: unknown field \`colour\` — remove it; a lesson has the fields id, title, text, themes, agencies, questions`,
      `${B}/unknown-theme.yaml:12: lessons[0].themes[1]: unknown theme "chronolgy" — did you mean "chronologies"? (themes are listed in ${B}/themes.yaml)`,
      `${B}/unknown-theme.yaml:13: lessons[0].agencies[0]: unknown agency "health visitor" — use its id "health-visiting" (agencies are listed in ${B}/agencies.yaml)`,
      `${B}/unknown-theme.yaml:13: lessons[0].agencies[1]: unknown agency "polise" — did you mean "police"? (agencies are listed in ${B}/agencies.yaml)`,
      `${B}/unknown-theme.yaml:13: lessons[0].agencies[2]: unknown agency "fire-service" — use an id listed in ${B}/agencies.yaml, or add it there`,
      `${B}/unknown-theme.yaml:17: lessons[1].themes[0]: unknown theme "Chronologies" — use its id "chronologies" (themes are listed in ${B}/themes.yaml)`,
      `${B}/unknown-theme.yaml:17: lessons[1].themes[1]: unknown theme "astrology" — use an id listed in ${B}/themes.yaml, or add it there`,
      `${B}/wrong-prefix.yaml:9: lessons[0].id: lesson id "wrong-prefx/1" does not start with the review id "wrong-prefix/" — write "wrong-prefix/1"`,
      `${B}/wrong-prefix.yaml:13: lessons[1].id: lesson id "wrong-prefix-2" does not start with the review id "wrong-prefix/" — write "wrong-prefix/2"`,
      `${B}/wrong-type.yaml:2: title: expected text, found a number — put it in quotes: "2019"`,
      `${B}/wrong-type.yaml:12: lessons[0].themes: expected a list, found text — write it as a list: [chronologies]`,
      `${B}/yaml-tags.yaml:2: uses the YAML tag "!!js/function", which is not allowed here — ${NO_TAGS}`,
      `${B}/yaml-tags.yaml:4: uses the YAML tag "!custom", which is not allowed here — ${NO_TAGS}`,
    ]);
  });

  it('reports missing vocabularies once each, not every theme as unknown', async () => {
    const dir = `${FIXTURES}/missing-vocabulary`;
    expect(problemLines(await validateCorpus(dir))).toEqual([
      `${dir}/agencies.yaml: is missing — create it, starting e.g. with the line: agencies: [{id: health-visiting, label: Health visiting}]`,
      `${dir}/glossary.yaml: is missing — create it, starting e.g. with the line: terms: [{term: children in care, also: [CiC, CLA], formerly: [LAC]}]`,
      `${dir}/themes.yaml: is missing — create it, starting e.g. with the line: themes: [{id: chronologies, label: Chronologies, description: Keeping a shared record of significant events}]`,
    ]);
  });

  it('says so when the folder has no review files', async () => {
    const dir = `${FIXTURES}/no-reviews`;
    expect(problemLines(await validateCorpus(dir))).toEqual([
      `${dir}: has no review files — add one YAML file per review (see docs/adding-a-review.md), or point at another folder with --lessons DIR`,
    ]);
  });

  it('reports ids used twice in a vocabulary, and warns about shared and retired words', async () => {
    const dir = `${FIXTURES}/vocabulary-problems`;
    const result = await validateCorpus(dir);
    expect(problemLines(result)).toEqual([
      `${dir}/agencies.yaml:4: agencies[1].id: agency id "police" is already used at line 2 (agencies[0].id) — give each agency its own id, or merge the two entries`,
      `${dir}/glossary.yaml:8: terms[2].term: term "children in care" is already an entry at line 2 — merge the two entries into one`,
      `${dir}/themes.yaml:8: themes[2].id: theme id "neglect" is already used at line 2 (themes[0].id) — give each theme its own id, or merge the two entries`,
    ]);
    expect(warningLines(result)).toEqual([
      `${dir}/glossary.yaml:11: terms[3].also[1]: "cic" is also listed under "children in care" (line 3) — keep it in one entry, so that search knows which term it means`,
      `${dir}/lambda-child-l.yaml:10: lessons[0].title: uses the retired term "LAC" — write "children in care" instead`,
      `${dir}/lambda-child-l.yaml:14: lessons[1].title: uses the retired term "Looked After Children" — write "children in care" instead`,
    ]);
  });

  it('checks concepts.yaml: each means a theme id or glossary term, each phrase under one', async () => {
    const { dir, cleanup } = await tempCorpus('valid');
    await writeFile(
      path.join(dir, 'concepts.yaml'),
      [
        'concepts:',
        '  - means: neglect',
        '    phrases: [dirty house, no food in the fridge]',
        '  - means: chronolgies',
        '    phrases: [timeline of events]',
        '  - means: looked after children',
        '    phrases: [Dirty  House]',
        '  - means: astrology',
        '    phrases: []',
        '  - phrases: [ok]',
      ].join('\n'),
    );
    const result = await validateCorpus(dir).finally(cleanup);
    expect(problemLines(result)).toEqual([
      `${dir}/concepts.yaml:4: concepts[1].means: "chronolgies" is neither a theme id nor a glossary term — did you mean "chronologies"? (a theme id from themes.yaml or a term from glossary.yaml)`,
      `${dir}/concepts.yaml:6: concepts[2].means: "looked after children" is neither a theme id nor a glossary term — did you mean "children-in-care"? (a theme id from themes.yaml or a term from glossary.yaml)`,
      `${dir}/concepts.yaml:8: concepts[3].means: "astrology" is neither a theme id nor a glossary term — use a theme id from themes.yaml or a term from glossary.yaml, or add it there first`,
      `${dir}/concepts.yaml:9: concepts[3].phrases: the list is empty — list at least one phrase`,
      `${dir}/concepts.yaml:10: concepts[4].means: missing field \`means\` — add "means:" with a theme id from themes.yaml or a term from glossary.yaml`,
    ]);
    expect(warningLines(result)).toEqual([
      `${dir}/concepts.yaml:7: concepts[2].phrases[0]: "Dirty House" is also listed under another concept (line 3) — keep it under one concept, so that search knows what it means`,
    ]);
  });

  it('reports concepts.yaml and concepts.yml side by side, and a concepts file that is a list', async () => {
    const { dir, cleanup } = await tempCorpus('valid');
    await writeFile(path.join(dir, 'concepts.yml'), '- means: neglect\n');
    const result = await validateCorpus(dir).finally(cleanup);
    expect(problemLines(result)).toEqual([
      `${dir}/concepts.yml: duplicates concepts.yaml — keep one of the two files`,
      `${dir}/concepts.yml:1: should be a mapping of fields ("name: value" lines), but it is a list — start with "concepts:" and list the concepts under it, each with means (a theme id or glossary term) and phrases`,
    ]);
  });

  it('does not flag every theme in use when themes.yaml has its top field misspelt', async () => {
    const { dir, cleanup } = await tempCorpus('valid');
    const themes = path.join(dir, 'themes.yaml');
    await writeFile(themes, (await readFile(themes, 'utf8')).replace('themes:', 'theme:'));
    const result = await validateCorpus(dir).finally(cleanup);
    expect(problemLines(result)).toEqual([
      `${dir}/themes.yaml:2: theme: unknown field \`theme\` — did you mean \`themes\`?`,
    ]);
  });

  it('reports a missing folder as a problem instead of throwing', async () => {
    const result = await validateCorpus(`${FIXTURES}/no-such-folder`);
    expect(problemLines(result)).toEqual([
      `${FIXTURES}/no-such-folder: the lessons folder does not exist — create it, or point at another folder with --lessons DIR or the LESSONS_DIR environment variable`,
    ]);
  });
});
