import type { Report } from '../../core/index.ts';

/** Bumped when a field changes meaning or goes; new fields do not bump it. */
// 2: team discussions and plans replace acknowledgements (clicks): `discussed`, `plans`,
// `discussionsByWeek` and totals of teams and lessons.
// 3: the evidence pack (`evidence`, `scope`); the contract is docs/report.md.
export const REPORT_JSON_VERSION = 3;

/** The whole report as JSON, for other tools; `reportVersion` says which shape it is. */
export function renderReportJson(report: Report): string {
  return `${JSON.stringify({ reportVersion: REPORT_JSON_VERSION, ...report }, null, 2)}\n`;
}
