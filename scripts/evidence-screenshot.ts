/**
 * Takes docs/screenshots/evidence-pack.png, the README's picture of the evidence pack: the
 * HTML report of the FICTIONAL demo (test/helpers/demo-report.ts: made-up teams, reviews
 * and plans, through the real delivery runner and store), in Chromium, from the top to the
 * end of the first review. Run with: npm run screenshot:evidence (needs /usr/bin/chromium).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderReportHtml } from '../src/adapters/report/index.ts';
import { demoReport } from '../test/helpers/demo-report.ts';
import { ROOT } from './e2e/child-process.ts';
import { launchChromium } from './e2e/playground.ts';

const OUT = join(ROOT, 'docs', 'screenshots');
const WIDTH = 1100;

const { report, store } = await demoReport();
await store.close();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 } });
  await page.route('**/*', (route) => route.abort());
  await page.setContent(renderReportHtml(report));
  // The totals, all reviews, and the first review with its plans: what a board reads first.
  const end = await page.locator('section.review').nth(1).boundingBox();
  if (!end) throw new Error('the report has no review section to show');
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, 'evidence-pack.png');
  await page.screenshot({
    path,
    fullPage: true,
    clip: { x: 0, y: 0, width: WIDTH, height: Math.ceil(end.y + end.height + 16) },
  });
  console.log(`Wrote ${path}`);
} finally {
  await browser.close();
}
