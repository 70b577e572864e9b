/**
 * Per-lesson scores for one query, in typed arrays sized to the corpus and reused from
 * query to query: a broad question touches tens of thousands of lessons, and allocating
 * an object (or a Map entry) for each is what makes plain MiniSearch slow. Only the
 * lessons touched are listed, so clearing costs as much as the query did.
 */
export interface Accumulator {
  score: Float64Array;
  /** how many distinct terms (or groups) matched each lesson */
  hits: Uint8Array;
  /** the last term serial counted in `hits`, so a term matching two fields counts once */
  stamp: Int32Array;
  seen: Uint8Array;
  list: Int32Array;
  size: number;
}

export function createAccumulator(lessons: number): Accumulator {
  return {
    score: new Float64Array(lessons),
    hits: new Uint8Array(lessons),
    stamp: new Int32Array(lessons).fill(-1),
    seen: new Uint8Array(lessons),
    list: new Int32Array(lessons),
    size: 0,
  };
}

/** Adds `score` to a lesson for the term or group numbered `serial`. */
export function accumulate(acc: Accumulator, lesson: number, score: number, serial: number): void {
  if (acc.seen[lesson] === 0) {
    acc.seen[lesson] = 1;
    acc.list[acc.size++] = lesson;
  }
  acc.score[lesson] = (acc.score[lesson] ?? 0) + score;
  if (acc.stamp[lesson] !== serial) {
    acc.stamp[lesson] = serial;
    acc.hits[lesson] = (acc.hits[lesson] ?? 0) + 1;
  }
}

/** Keeps the larger of the lesson's score and `score`: alternatives of one meaning. */
export function keepBest(acc: Accumulator, lesson: number, score: number): void {
  if (acc.seen[lesson] === 0) {
    acc.seen[lesson] = 1;
    acc.list[acc.size++] = lesson;
  }
  if (score > (acc.score[lesson] ?? 0)) acc.score[lesson] = score;
}

export function clearAccumulator(acc: Accumulator): void {
  for (let i = 0; i < acc.size; i++) {
    const lesson = acc.list[i] ?? 0;
    acc.score[lesson] = 0;
    acc.hits[lesson] = 0;
    acc.stamp[lesson] = -1;
    acc.seen[lesson] = 0;
  }
  acc.size = 0;
}
