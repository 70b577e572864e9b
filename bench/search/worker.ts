/**
 * Child-process entry: `node --expose-gc bench/search/worker.ts '<MeasureSpec JSON>'`.
 * Prints one line of JSON on stdout: the result row, or { "error": message }.
 */

import { engineByName } from './engines/index.ts';
import { type MeasureSpec, measure, prepare } from './measure.ts';

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as MeasureSpec;
  const engine = engineByName(spec.engine);
  if (engine === undefined) throw new Error(`unknown engine "${spec.engine}"`);
  const out = spec.phase === 'prepare' ? await prepare(engine, spec) : await measure(engine, spec);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stdout.write(`${JSON.stringify({ error: message })}\n`);
    process.exit(1);
  },
);
