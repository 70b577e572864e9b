/**
 * The `k` best of `count` candidates, best first: higher score, then lower tie rank.
 * A bounded heap keeps this O(n log k), so a broad question that matches most of the
 * corpus does not pay for sorting every match when only a page is shown.
 */
export function selectTop(
  candidates: Int32Array,
  count: number,
  score: Float64Array,
  tieRank: Int32Array,
  k: number,
): number[] {
  if (k <= 0) return [];
  // better(a, b): a ranks before b.
  const better = (a: number, b: number): boolean => {
    const sa = score[a] ?? 0;
    const sb = score[b] ?? 0;
    return sa > sb || (sa === sb && (tieRank[a] ?? 0) < (tieRank[b] ?? 0));
  };
  // A min-heap on "better": its root is the worst of the best k so far.
  const heap: number[] = [];
  const siftUp = (i: number): void => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!better(heap[parent] ?? 0, heap[i] ?? 0)) break;
      swap(heap, i, parent);
      i = parent;
    }
  };
  const siftDown = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && better(heap[worst] ?? 0, heap[l] ?? 0)) worst = l;
      if (r < heap.length && better(heap[worst] ?? 0, heap[r] ?? 0)) worst = r;
      if (worst === i) return;
      swap(heap, i, worst);
      i = worst;
    }
  };
  for (let i = 0; i < count; i++) {
    const doc = candidates[i] ?? 0;
    if (heap.length < k) {
      heap.push(doc);
      siftUp(heap.length - 1);
    } else if (better(doc, heap[0] ?? 0)) {
      heap[0] = doc;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

function swap(a: number[], i: number, j: number): void {
  const t = a[i] ?? 0;
  a[i] = a[j] ?? 0;
  a[j] = t;
}
