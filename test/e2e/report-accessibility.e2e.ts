/**
 * The evidence pack's HTML in Chromium: axe-core finds no WCAG 2.1 A or AA violation, it
 * prints on A4 without running off the page, and no team's name is cut off. The report is
 * the FICTIONAL demo (test/helpers/demo-report.ts), built through the real store.
 * Run with: npm run test:e2e (needs /usr/bin/chromium: apt-get install -y chromium)
 */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/e2e/playground.ts';
import { renderReportHtml } from '../../src/adapters/report/index.ts';
import { DEMO_TEAMS, demoReport } from '../helpers/demo-report.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** A4's width less the report's 12 mm margins either side, in CSS pixels (96 per inch). */
const A4_PRINTABLE_PX = Math.floor(((210 - 24) / 25.4) * 96);

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
  passes: { id: string }[];
}

describe('the evidence pack in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let html: string;

  beforeAll(async () => {
    const { report, store } = await demoReport();
    await store.close();
    html = renderReportHtml(report);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Nothing leaves the machine: the page needs no request, and gets none.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has no WCAG 2.1 A or AA violation that axe-core can find', async () => {
    await page.addScriptTag({ path: AXE });
    // Strings, not functions: the page's DOM is not in this project's types.
    const result = (await page.evaluate(
      `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_21_AA)} } })`,
    )) as AxeResult;
    const found = result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
    expect(found).toEqual([]);
    // It looked: contrast, table headers, image names and the page's language were checked.
    expect(result.passes.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        'color-contrast',
        'html-has-lang',
        'role-img-alt',
        'th-has-data-cells',
      ]),
    );
  });

  it('shows every team’s name whole, at a phone’s width too', async () => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const cut = await page.evaluate(
        `[...document.querySelectorAll('th, td, .stage-label, blockquote + p')]
          .filter((e) => e.scrollWidth > e.clientWidth + 1)
          .map((e) => e.textContent)`,
      );
      expect(cut, `at ${width}px`).toEqual([]);
    }
    for (const team of DEMO_TEAMS.slice(0, 2)) expect(html).toContain(team.replace('’', '’'));
  });

  it('prints on A4 without running off the page', async () => {
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: A4_PRINTABLE_PX, height: 1000 });
    const overflow = await page.evaluate('document.documentElement.scrollWidth');
    expect(overflow).toBeLessThanOrEqual(A4_PRINTABLE_PX);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 is 595 × 842 points; every page is.
    const boxes = pdf.toString('latin1').match(/\/MediaBox \[[^\]]*\]/g) ?? [];
    expect(boxes.length).toBeGreaterThan(1);
    for (const box of boxes)
      expect(box).toMatch(/^\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]$/);
    await page.emulateMedia({ media: 'screen' });
  });
});
