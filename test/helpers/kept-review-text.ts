import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LESSONS_DIR } from './real-deps.ts';

/**
 * A fictional review file for the store's tests: the format of a real one (Claire's,
 * its texts kept), under a made-up id and name, with a word search can find it by.
 */
export function fictionalReview(id = 'anytown-child-z', title = 'Child Z'): string {
  const claire = readFileSync(join(LESSONS_DIR, 'croydon-claire.yaml'), 'utf8');
  const body = claire.slice(claire.indexOf('id: croydon-claire'));
  return [
    '# FICTIONAL: a made-up review for tests; not a published review.',
    body
      .replaceAll('croydon-claire', id)
      .replace('title: Claire', `title: ${title}`)
      .replace('Claire was taken into care', 'Zebedee was taken into care'),
  ].join('\n');
}
