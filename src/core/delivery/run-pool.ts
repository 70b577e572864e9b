/** Runs `work` on every item, at most `concurrency` at a time; resolves when all are done. */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * Runs `work` on every item, a pool per lane of the size `concurrencyOf` its first item
 * says, all lanes at once. Lanes keep one workspace's wait (a 429's Retry-After, its rate
 * limit) from holding up the posts to every other workspace behind it.
 */
export async function runInLanes<T>(
  items: readonly T[],
  laneOf: (item: T) => string,
  concurrencyOf: (item: T) => number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const lanes = new Map<string, T[]>();
  for (const item of items) {
    const key = laneOf(item);
    const lane = lanes.get(key);
    if (lane) lane.push(item);
    else lanes.set(key, [item]);
  }
  await Promise.all(
    [...lanes.values()].map((lane) => runPool(lane, concurrencyOf(lane[0] as T), work)),
  );
}
