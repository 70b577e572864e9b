import type { EvidenceCounts, FunnelStage } from '../model/index.ts';

/** All the words of the evidence pack's headline sentences, in one place. */

const teams = (n: number) => `${n} ${n === 1 ? 'team' : 'teams'}`;

function changedClause(c: EvidenceCounts): string {
  if (c.teamsChanged === 0) return 'none has yet reported a change in practice';
  const verb = c.teamsChanged === 1 ? 'reports' : 'report';
  return `${c.teamsChanged} ${verb} a change in practice`;
}

/**
 * One sentence a board can quote: "The learning from Child R reached 23 teams; 17
 * discussed it; 9 planned a change; 5 report a change in practice."
 */
export function evidenceSentence(title: string, c: EvidenceCounts): string {
  if (c.teamsReached === 0) return `The learning from ${title} has not reached a team yet.`;
  return `The learning from ${title} reached ${teams(c.teamsReached)}; ${c.teamsDiscussed} discussed it; ${c.teamsPlanned} planned a change; ${changedClause(c)}.`;
}

/** The funnel's stages, as a chart and its table name them. */
export const FUNNEL_STAGES = [
  ['teamsReached', 'Teams reached'],
  ['teamsDiscussed', 'Discussed it'],
  ['teamsPlanned', 'Planned a change'],
  ['teamsChanged', 'Changed practice (fully or in part)'],
] as const satisfies readonly (readonly [keyof EvidenceCounts, string])[];

/** The funnel's stages with their counts, in FUNNEL_STAGES' order. */
export function funnelStages(c: EvidenceCounts): FunnelStage[] {
  return FUNNEL_STAGES.map(([key, label]) => ({ label, count: c[key] }));
}

/** "74%" of the teams reached, rounded as the evidence pack's table rounds it; "—" of none. */
export function percentOf(n: number, of: number): string {
  return of === 0 ? '—' : `${Math.round((n / of) * 100)}%`;
}

/**
 * The funnel as chat shows it, a row a stage: the teams reached as a number, each later
 * stage out of them, "17 of 23 (74%)", so that no number depends on a bar or a colour.
 */
export function funnelRows(stages: readonly FunnelStage[]): { label: string; value: string }[] {
  const reached = stages[0]?.count ?? 0;
  const share = (n: number) => (reached === 0 ? '' : ` (${percentOf(n, reached)})`);
  return stages.map(({ label, count }, i) => ({
    label,
    value: i === 0 ? String(count) : `${count} of ${reached}${share(count)}`,
  }));
}
