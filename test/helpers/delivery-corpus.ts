import type { Corpus, Lesson, Review, Theme } from '../../src/core/index.ts';

export interface CorpusLesson {
  n: number;
  themes: string[];
  agencies?: string[];
  questions?: string[];
}

export interface CorpusReview {
  id: string;
  published: string;
  summary?: string;
  lessons: CorpusLesson[];
}

const theme = (id: string): Theme => ({
  id,
  label: id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, ' '),
  description: `Lessons about ${id}.`,
  synonyms: id === 'domestic-abuse' ? ['domestic violence', 'DV'] : [],
});

/** A corpus built from a compact description, for briefing and delivery tests. */
export function buildCorpus(reviews: CorpusReview[], extraThemes: string[] = []): Corpus {
  const lessons: Lesson[] = reviews.flatMap((r) =>
    r.lessons.map((l) => ({
      id: `${r.id}/${l.n}`,
      reviewId: r.id,
      n: l.n,
      title: `Lesson ${l.n} of ${r.id}`,
      text: `What ${r.id} teaches, point ${l.n}.`,
      themes: l.themes,
      agencies: l.agencies ?? [],
      questions: l.questions ?? [],
    })),
  );
  const built: Review[] = reviews.map((r) => ({
    id: r.id,
    title: `Child ${r.id.slice(-1).toUpperCase()}`,
    kind: 'lcspr',
    partnership: `${r.id} Safeguarding Partnership`,
    area: r.id.split('-')[0] ?? r.id,
    published: r.published,
    year: Number(r.published.slice(0, 4)),
    url: `https://example.org/${r.id}`,
    summary:
      r.summary ??
      'The child was known to many agencies. Nobody saw the whole picture. It ended badly.',
    aliases: [],
    lessonIds: r.lessons.map((l) => `${r.id}/${l.n}`),
    file: `${r.id}.yaml`,
  }));
  const themes = [...new Set([...lessons.flatMap((l) => l.themes), ...extraThemes])].map(theme);
  const agencies = [...new Set(lessons.flatMap((l) => l.agencies))].map((id) => ({
    id,
    label: theme(id).label,
    synonyms: [],
  }));
  return {
    reviews: built,
    lessons,
    themes,
    agencies,
    glossary: [],
    concepts: [],
    reviewById: new Map(built.map((r) => [r.id, r])),
    lessonById: new Map(lessons.map((l) => [l.id, l])),
    themeById: new Map(themes.map((t) => [t.id, t])),
    agencyById: new Map(agencies.map((a) => [a.id, a])),
    hash: `delivery-test-${lessons.length}`,
  };
}

/** Three reviews, ten lessons, five themes: enough to see cycles and rotation. */
export function smallCorpus(): Corpus {
  return buildCorpus(
    [
      {
        id: 'newham-child-a',
        published: '2024-05',
        lessons: [
          { n: 1, themes: ['neglect', 'supervision'] },
          { n: 2, themes: ['neglect'] },
          { n: 3, themes: ['domestic-abuse'], questions: ['Who asked about the father?'] },
        ],
      },
      {
        id: 'leeds-child-b',
        published: '2021-02-10',
        lessons: [
          { n: 1, themes: ['escalation'] },
          { n: 2, themes: ['domestic-abuse', 'neglect'] },
          { n: 3, themes: ['supervision'] },
          { n: 4, themes: ['escalation', 'neglect'] },
        ],
      },
      {
        id: 'york-child-c',
        published: '2016',
        lessons: [
          { n: 1, themes: ['chronologies'] },
          { n: 2, themes: ['neglect', 'chronologies'] },
          { n: 3, themes: ['domestic-abuse'] },
        ],
      },
    ],
    ['private-fostering'],
  );
}
