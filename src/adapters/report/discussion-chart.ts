import type { Report } from '../../core/index.ts';
import { escapeHtml } from './escape-html.ts';

/**
 * Team discussions per week as inline SVG "small multiples": one row of bars per team
 * (the posts it discussed each week, however many colleagues pressed), every row on the
 * same scale and the same weeks, so a board can compare teams and see quiet weeks at a
 * glance. Teams that discussed nothing are left out
 * (the table lists them). Every bar has a tooltip with its exact number.
 */

const LABEL_WIDTH = 220;
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

function shorten(label: string, max = 30): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

function bars(row: Row, weeks: readonly string[], y: number, step: number, max: number): string {
  return row.counts
    .map((n, i) => {
      if (n === 0) return '';
      const h = Math.max(2, Math.round((n / max) * BAR_HEIGHT));
      const x = LABEL_WIDTH + i * step + 1;
      const tip = `${row.label}, ${weeks[i] ?? ''}: ${n}`;
      return `<rect x="${x}" y="${y + BAR_HEIGHT - h}" width="${Math.max(1, step - 2)}" height="${h}" fill="${COLOUR}"><title>${escapeHtml(tip)}</title></rect>`;
    })
    .join('');
}

function rowSvg(
  row: Row,
  weeks: readonly string[],
  index: number,
  step: number,
  max: number,
): string {
  const y = index * ROW_HEIGHT + 4;
  const plotEnd = LABEL_WIDTH + weeks.length * step;
  return [
    `<g><title>${escapeHtml(`${row.label}: ${row.total} in all`)}</title>`,
    `<text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT - 8}" text-anchor="end">${escapeHtml(shorten(row.label))}</text>`,
    `<line x1="${LABEL_WIDTH}" x2="${plotEnd}" y1="${y + BAR_HEIGHT + 0.5}" y2="${y + BAR_HEIGHT + 0.5}" stroke="#b1b4b6"/>`,
    bars(row, weeks, y, step, max),
    `<text x="${plotEnd + 8}" y="${y + BAR_HEIGHT - 8}">${row.total}</text></g>`,
  ].join('');
}

/** Week labels under the plot, thinned so that they never overlap: "W48", with the year where it starts or changes. */
function axis(weeks: readonly string[], top: number, step: number): string {
  const every = Math.max(1, Math.ceil(64 / step));
  let shownYear = '';
  const labels: string[] = [];
  weeks.forEach((key, i) => {
    if (i % every !== 0) return;
    const [year = '', week = ''] = key.split('-');
    const text = year === shownYear ? week : `${year} ${week}`;
    shownYear = year;
    labels.push(
      `<text x="${LABEL_WIDTH + i * step}" y="${top + 18}" class="axis">${escapeHtml(text)}</text>`,
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
  const width = LABEL_WIDTH + report.weeks.length * step + TOTAL_WIDTH;
  const plotHeight = rows.length * ROW_HEIGHT + 4;
  const height = plotHeight + AXIS_HEIGHT;
  const first = report.weeks[0] ?? '';
  const last = report.weeks.at(-1) ?? '';
  const description = `Posts discussed per week by ${rows.length} teams, ${first} to ${last}; the tallest bar is ${max}.`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title chart-desc" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title id="chart-title">Posts discussed per week, by team</title>`,
    `<desc id="chart-desc">${escapeHtml(description)}</desc>`,
    rows.map((row, i) => rowSvg(row, report.weeks, i, step, max)).join(''),
    axis(report.weeks, plotHeight, step),
    '</svg>',
  ].join('');
}
