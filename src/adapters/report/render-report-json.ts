import type { Report } from '../../core/index.ts';

/** Bumped when a field changes meaning or goes; new fields do not bump it. */
export const REPORT_JSON_VERSION = 1;

/** The whole report as JSON, for other tools; `reportVersion` says which shape it is. */
export function renderReportJson(report: Report): string {
  return `${JSON.stringify({ reportVersion: REPORT_JSON_VERSION, ...report }, null, 2)}\n`;
}
