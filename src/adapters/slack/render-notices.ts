/** Notices above an answer: a privacy reminder, a corrected question, a hint. */
import type { Notice } from '../../core/index.ts';
import { type Block, context } from './blocks.ts';
import { escapeTrim } from './mrkdwn.ts';

const MAX_NOTICES = 5;
const ICONS: Record<Notice['kind'], string> = {
  privacy: ':lock:',
  corrected: ':mag:',
  info: ':information_source:',
};

export function noticeBlocks(notices: readonly Notice[]): Block[] {
  return notices
    .slice(0, MAX_NOTICES)
    .map((notice) => context(`${ICONS[notice.kind]} ${escapeTrim(notice.text, 1000)}`));
}
