import type { EvidenceCounts } from '../model/index.ts';

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
