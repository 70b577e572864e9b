/**
 * JSON made once for a value that does not change, and reused in every body it is sent in.
 *
 * The same card goes out again and again: the answer to a question many people ask is
 * rendered once (core's recent answers), and a broadcast posts one card to every channel.
 * Serializing it for each post was a tenth of the bot's CPU under load (docs/benchmarks.md,
 * "HTTP load"). A value marked here is sent as the bytes made the first time: it must not
 * change afterwards, which is why what marks it is frozen.
 */
const made = new WeakMap<object, Buffer>();

/** Marks `value` as unchanging and makes its JSON now; returns it, for chaining. */
export function serializeOnce<T extends object>(value: T): T {
  if (!made.has(value)) made.set(value, Buffer.from(JSON.stringify(value)));
  return value;
}

/** A plain object JSON.stringify would write field by field (no toJSON of its own). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

function madeFor(value: unknown): Buffer | undefined {
  return typeof value === 'object' && value !== null ? made.get(value) : undefined;
}

/**
 * The JSON body for `data`, byte for byte what JSON.stringify makes: a string, or, when
 * one of a plain object's fields was marked by serializeOnce, bytes that reuse its JSON.
 */
export function jsonBody(data: unknown): string | Buffer {
  if (!isPlainObject(data) || !Object.values(data).some((value) => madeFor(value))) {
    return JSON.stringify(data);
  }
  const chunks: Buffer[] = [];
  let text = '{';
  let first = true;
  for (const [key, value] of Object.entries(data)) {
    const once = madeFor(value);
    const json = once ? '' : (JSON.stringify(value) as string | undefined);
    // As JSON.stringify does: a field whose value has no JSON (undefined, a function) is left out.
    if (!once && json === undefined) continue;
    text += `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (once) {
      chunks.push(Buffer.from(text), once);
      text = '';
    } else {
      text += json;
    }
  }
  chunks.push(Buffer.from(`${text}}`));
  return Buffer.concat(chunks);
}
