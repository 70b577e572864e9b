/**
 * Freezes a value and everything in it, so that a test catches any change made to it
 * (ES modules run in strict mode: a write to a frozen object throws).
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
