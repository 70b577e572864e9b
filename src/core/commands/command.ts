/** What the user asked for: one grammar behind every front door (docs/architecture.md). */
export type Command =
  | { kind: 'search'; query: string; offset: number }
  | { kind: 'themes' }
  | { kind: 'theme'; name: string; offset: number }
  | { kind: 'reviews' }
  | { kind: 'review'; name: string }
  | { kind: 'lesson'; id: string }
  | { kind: 'random' }
  | { kind: 'help'; topic: HelpTopic }
  | { kind: 'subscribe'; args: string }
  | { kind: 'unsubscribe' }
  | { kind: 'subscription' }
  | { kind: 'preview' }
  | { kind: 'publish'; review: string; again: boolean }
  | ({ kind: 'report'; since?: string } & ReportFilters)
  | { kind: 'reload' };

/** `report … until 2026-03 review croydon-claire theme neglect agency police`, as typed. */
export interface ReportFilters {
  until?: string;
  review?: string;
  theme?: string;
  agency?: string;
  /** a word the grammar does not know, or a keyword without its value: the reply says so */
  stray?: string;
}

export type CommandKind = Command['kind'];

export type HelpTopic = 'general' | 'search' | 'subscribe' | 'admin' | 'about';

/** Commands only configured admins may run. */
export const ADMIN_COMMANDS: ReadonlySet<CommandKind> = new Set(['publish', 'report', 'reload']);
