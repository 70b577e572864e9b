/**
 * The compose-box search (message extension): each result is a small preview in
 * the flyout and, once chosen, a lesson card inserted into the message.
 */
import type { MessagingExtensionResponse } from '@microsoft/teams.api';
import type { Reply } from '../../../core/index.ts';
import { truncate } from './card-text.ts';
import { sourceText } from './lesson-blocks.ts';
import { renderCard } from './render-card.ts';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const THUMBNAIL = 'application/vnd.microsoft.card.thumbnail';

/** A short answer in place of results: "type a few words", "nothing matched". */
export function extensionMessage(message: string): MessagingExtensionResponse {
  return { composeExtension: { type: 'message', text: truncate(message, 300) } };
}

/** Reply → the invoke response Teams expects for composeExtension/query. Pure. */
export function renderSearchResults(reply: Reply): MessagingExtensionResponse {
  if (reply.kind === 'no-results')
    return extensionMessage('No lessons match that. Try other words, e.g. chronologies.');
  if (reply.kind === 'error') return extensionMessage(reply.message);
  if (reply.kind !== 'results')
    return extensionMessage('Type a few words to search the lessons, e.g. chronologies.');
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: reply.lessons.map((lesson) => ({
        contentType: ADAPTIVE,
        // People insert this card into chats the bot may not be in: links only, no bot buttons.
        content: renderCard({ kind: 'lesson', lesson, notices: [] }, { interactive: false }),
        preview: {
          contentType: THUMBNAIL,
          // A thumbnail card's text is shown as-is in the flyout list, not as Markdown.
          content: {
            title: truncate(lesson.title, 120),
            text: truncate(sourceText(lesson.review), 120),
          },
        },
      })),
    },
  };
}
