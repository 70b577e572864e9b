import { describe, expect, it } from 'vitest';
import { sampleCorpus } from '../../../test/helpers/search-corpus.ts';
import { suggestThemes } from './suggest-themes.ts';

const corpus = sampleCorpus();

describe('suggestThemes', () => {
  it('suggests themes whose names share a word with the question, with lesson counts', () => {
    expect(suggestThemes(corpus, 'domestic homicide')[0]).toEqual({
      id: 'domestic-abuse',
      label: 'Domestic abuse',
      count: 2,
    });
  });

  it('counts a misspelt word that is close to a theme word', () => {
    expect(suggestThemes(corpus, 'escalaton').map((t) => t.id)).toEqual(['escalation']);
  });

  it('falls back to the themes with most lessons, at most `limit`', () => {
    const ids = suggestThemes(corpus, 'weather', 3).map((t) => t.id);
    expect(ids).toEqual(['children-in-care', 'chronologies', 'domestic-abuse']);
  });

  it('never suggests a theme without lessons', () => {
    expect(suggestThemes(corpus, 'private fostering').map((t) => t.id)).not.toContain(
      'unused-theme',
    );
  });
});
