/** The dissemination report as files: CSV for spreadsheets, JSON for tools, HTML for a board. */
export { discussionChart } from './discussion-chart.ts';
export { escapeHtml } from './escape-html.ts';
export {
  renderEvidenceCsv,
  renderPlansCsv,
  renderReportCsv,
  renderWeeklyCsv,
} from './render-report-csv.ts';
export { renderReportHtml } from './render-report-html.ts';
export { REPORT_JSON_VERSION, renderReportJson } from './render-report-json.ts';
