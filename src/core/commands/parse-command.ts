import type { Command, HelpTopic } from './command.ts';
import { withoutMentions } from './without-mentions.ts';

const HELP_TOPICS: Record<string, HelpTopic> = {
  search: 'search',
  ask: 'search',
  filters: 'search',
  subscribe: 'subscribe',
  subscriptions: 'subscribe',
  subscription: 'subscribe',
  briefing: 'subscribe',
  admin: 'admin',
  publish: 'admin',
  report: 'admin',
  about: 'about',
  reviews: 'about',
};

/**
 * "what is a serious case review?", "what's an LCSPR", "why are case reviews done", and
 * the other nations' reviews: "what is a child practice review / SUSR / learning review /
 * case management review?"
 */
const ABOUT_REVIEWS =
  /^(what|why|when)(\s+is|\s+are|'s|s)?\s+(an?\s+)?(the\s+)?(point\s+of\s+|purpose\s+of\s+)?(serious\s+case\s+reviews?|scrs?|(local\s+)?(child\s+)?safeguarding\s+practice\s+reviews?|l?csprs?|case\s+reviews?|child\s+practice\s+reviews?|single\s+unified\s+safeguarding\s+reviews?|susrs?|(significant\s+case\s+|learning\s+)reviews?|case\s+management\s+reviews?|cmrs?)(\s+(for|done|carried\s+out|held|for\??))*\s*\??$/i;

/**
 * Text → Command. Total: every input becomes a command; anything that is not a
 * keyword is a question. Keywords are matched only as the first word, so a
 * question such as "review meetings" still reaches search when no review matches
 * (the handler decides that, as it knows the corpus).
 */
export function parseCommand(input: string): Command {
  const text = withoutMentions(input);
  if (text === '' || text === '?') return { kind: 'help', topic: 'general' };
  if (ABOUT_REVIEWS.test(text)) return { kind: 'help', topic: 'about' };

  const space = text.indexOf(' ');
  const head = (space === -1 ? text : text.slice(0, space)).toLowerCase();
  const rest = space === -1 ? '' : text.slice(space + 1).trim();

  switch (head) {
    case 'help':
      return parseHelp(rest, text);
    case 'themes':
    case 'topics':
      return rest === '' ? { kind: 'themes' } : { kind: 'theme', name: rest, offset: 0 };
    case 'theme':
    case 'topic':
      return rest === '' ? { kind: 'themes' } : { kind: 'theme', name: rest, offset: 0 };
    case 'reviews':
      return rest === '' ? { kind: 'reviews' } : { kind: 'review', name: rest };
    case 'review':
      return rest === '' ? { kind: 'reviews' } : { kind: 'review', name: rest };
    case 'lesson':
      return rest === '' ? { kind: 'help', topic: 'search' } : { kind: 'lesson', id: rest };
    case 'random':
      return rest === '' ? { kind: 'random' } : search(text);
    case 'subscribe':
      return { kind: 'subscribe', args: rest };
    case 'unsubscribe':
      return { kind: 'unsubscribe' };
    case 'subscription':
    case 'subscriptions':
      return { kind: 'subscription' };
    case 'preview':
      return { kind: 'preview' };
    case 'publish':
      return parsePublish(rest);
    case 'report':
      return parseReport(rest);
    case 'reload':
      return { kind: 'reload' };
    default:
      return search(text);
  }
}

function search(query: string): Command {
  return { kind: 'search', query, offset: 0 };
}

function parseHelp(rest: string, text: string): Command {
  if (rest === '') return { kind: 'help', topic: 'general' };
  const topic = HELP_TOPICS[rest.toLowerCase()];
  if (topic) return { kind: 'help', topic };
  // "help with chronologies" is a question, not a help topic.
  const question = rest.replace(/^(with|on|about|me\s+(with|find))\s+/i, '');
  return question === '' ? { kind: 'help', topic: 'general' } : search(question || text);
}

function parsePublish(rest: string): Command {
  const words = rest.split(' ').filter((w) => w !== '');
  const again = words.some((w) => w === '--again' || w.toLowerCase() === 'again');
  const review = words.filter((w) => w !== '--again' && w.toLowerCase() !== 'again').join(' ');
  return { kind: 'publish', review, again };
}

const REPORT_WORDS = new Set(['since', 'until', 'review', 'theme', 'agency']);

/**
 * `report [since DATE] [until DATE] [review ID] [theme ID] [agency ID]`, in any order;
 * `report DATE` is `report since DATE`.
 */
function parseReport(rest: string): Command {
  const words = rest.split(' ').filter((w) => w !== '');
  const first = words[0]?.toLowerCase();
  if (first === undefined) return { kind: 'report' };
  if (!REPORT_WORDS.has(first)) return { kind: 'report', since: rest.trim() };
  const command: Extract<Command, { kind: 'report' }> = { kind: 'report' };
  for (let i = 0; i < words.length; i += 2) {
    const key = words[i]?.toLowerCase() ?? '';
    const value = words[i + 1];
    if (!REPORT_WORDS.has(key) || value === undefined) {
      command.stray = words[i] ?? '';
      break;
    }
    command[key as 'since' | 'until' | 'review' | 'theme' | 'agency'] = value;
  }
  return command;
}
