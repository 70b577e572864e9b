import { importInWorker } from '../adapters/documents/index.ts';
import {
  type BriefingCommands,
  type ChatImport,
  type Clock,
  createChatImport,
  type DraftShelf,
  type Store,
} from '../core/index.ts';
import type { LiveCorpus } from './live-corpus.ts';

export interface ChatImportParts {
  live: LiveCorpus;
  /** where drafts wait for approval: the lessons folder's drafts for now */
  shelf: DraftShelf;
  store: Pick<Store, 'listSubscriptions' | 'audit'>;
  briefings: Pick<BriefingCommands, 'publish'>;
  clock: Clock;
}

/** The chat import as the bot runs it: documents read in a worker, the live corpus, the store's channels. */
export function openChatImport({
  live,
  shelf,
  store,
  briefings,
  clock,
}: ChatImportParts): ChatImport {
  return createChatImport({
    importDocument: importInWorker(),
    shelf,
    corpus: live.current,
    today: () => clock().toISOString().slice(0, 10),
    activeChannels: async () => (await store.listSubscriptions({ status: ['active'] })).length,
    reload: live.reload,
    publish: (actor, reviewId) => briefings.publish(actor, reviewId, false),
    audit: (actor, action, detail) => store.audit({ at: clock(), actor, action, detail }),
  });
}
