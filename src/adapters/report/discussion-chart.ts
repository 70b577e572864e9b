import type { Report } from '../../core/index.ts';
import { escapeHtml } from './escape-html.ts';

/**
 * Team discussions per week as inline SVG "small multiples": one row of bars per team
 * (the posts it discussed each week, however many colleagues pressed), every row on the
 * same scale and the same weeks, so a board can compare teams and see quiet weeks at a
 * glance. Teams that discussed nothing are left out
 * (the table lists them). Every bar has a tooltip with its exact number; the report
 * follows the chart with a table of the same numbers. Names are never shortened.
 */

/** Room for a label of so many characters, so that no team's name is cut off. */
const labelWidth = (longest: number) => Math.max(120, Math.ceil(longest * 7.2) + 16);
const TOTAL_WIDTH = 56;
const ROW_HEIGHT = 34;
const BAR_HEIGHT = 26;
const AXIS_HEIGHT = 28;
const PLOT_WIDTH = 720;
const COLOUR = '#1d70b8';

interface Row {
  label: string;
  counts: number[];
  total: number;
}

interface Layout {
  /** where the plot starts: the labels' width */
  left: number;
  step: number;
  max: number;
}

function bars(row: Row, weeks: readonly string[], y: number, { left, step, max }: Layout): string {
  return row.counts
    .map((n, i) => {
      if (n === 0) return '';
      const h = Math.max(2, Math.round((n / max) * BAR_HEIGHT));
      const x = left + i * step + 1;
      const tip = `${row.label}, ${weeks[i] ?? ''}: ${n}`;
      return `<rect x="${x}" y="${y + BAR_HEIGHT - h}" width="${Math.max(1, step - 2)}" height="${h}" fill="${COLOUR}"><title>${escapeHtml(tip)}</title></rect>`;
    })
    .join('');
}

function rowSvg(row: Row, weeks: readonly string[], index: number, layout: Layout): string {
  const { left, step } = layout;
  const y = index * ROW_HEIGHT + 4;
  const plotEnd = left + weeks.length * step;
  return [
    `<g><title>${escapeHtml(`${row.label}: ${row.total} in all`)}</title>`,
    `<text x="${left - 8}" y="${y + BAR_HEIGHT - 8}" text-anchor="end">${escapeHtml(row.label)}</text>`,
    `<line x1="${left}" x2="${plotEnd}" y1="${y + BAR_HEIGHT + 0.5}" y2="${y + BAR_HEIGHT + 0.5}" stroke="#b1b4b6"/>`,
    bars(row, weeks, y, layout),
    `<text x="${plotEnd + 8}" y="${y + BAR_HEIGHT - 8}">${row.total}</text></g>`,
  ].join('');
}

/** Week labels under the plot, thinned so that they never overlap: "W48", with the year where it starts or changes. */
function axis(weeks: readonly string[], top: number, { left, step }: Layout): string {
  const every = Math.max(1, Math.ceil(64 / step));
  let shownYear = '';
  const labels: string[] = [];
  weeks.forEach((key, i) => {
    if (i % every !== 0) return;
    const [year = '', week = ''] = key.split('-');
    const text = year === shownYear ? week : `${year} ${week}`;
    shownYear = year;
    labels.push(
      `<text x="${left + i * step}" y="${top + 18}" class="axis">${escapeHtml(text)}</text>`,
    );
  });
  return labels.join('');
}

/** The chart as an <svg> element, or null when no team discussed anything in the period. */
export function discussionChart(report: Report): string | null {
  const rows: Row[] = report.discussionsByWeek
    .map((line) => ({
      label: line.label,
      counts: line.counts,
      total: line.counts.reduce((a, b) => a + b, 0),
    }))
    .filter((row) => row.total > 0);
  if (rows.length === 0 || report.weeks.length === 0) return null;
  const step = Math.max(4, Math.min(40, Math.floor(PLOT_WIDTH / report.weeks.length)));
  const max = Math.max(...rows.flatMap((r) => r.counts));
  const layout = { left: labelWidth(Math.max(...rows.map((r) => r.label.length))), step, max };
  const width = layout.left + report.weeks.length * step + TOTAL_WIDTH;
  const plotHeight = rows.length * ROW_HEIGHT + 4;
  const height = plotHeight + AXIS_HEIGHT;
  const first = report.weeks[0] ?? '';
  const last = report.weeks.at(-1) ?? '';
  const description = `Posts discussed per week by ${rows.length} teams, ${first} to ${last}; the tallest bar is ${max}.`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title chart-desc" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title id="chart-title">Posts discussed per week, by team</title>`,
    `<desc id="chart-desc">${escapeHtml(description)}</desc>`,
    rows.map((row, i) => rowSvg(row, report.weeks, i, layout)).join(''),
    axis(report.weeks, plotHeight, layout),
    '</svg>',
  ].join('');
}
