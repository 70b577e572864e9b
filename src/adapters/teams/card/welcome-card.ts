import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { actionSet, botButton, heading, present, text } from './elements.ts';
import { toCard } from './render-card.ts';

/** Where the app was installed: a person's own chat, or a team channel or group chat. */
export type WelcomeScope = 'personal' | 'shared';

const EXAMPLES = ['lessons on chronologies', 'disguised compliance', 'themes', 'help'];

/** The card sent once when the app is installed, showing how to ask. Pure. */
export function renderWelcomeCard(scope: WelcomeScope): IAdaptiveCard {
  const howToAsk =
    scope === 'personal'
      ? 'Ask me in your own words, for example:'
      : 'Mention **@lessons-bot** with a question, for example: @lessons-bot lessons on chronologies. Or press a button:';
  return toCard({
    body: [
      heading('Hello, I’m lessons-bot'),
      text(
        'I bring the learning from published child safeguarding case reviews to where you work. Ask a question and I reply with the lessons that fit best, each with its review, area and year, and a link to read more.',
      ),
      text(howToAsk, { spacing: 'Medium' }),
      actionSet(present(EXAMPLES.map((example) => botButton(example, { text: example })))),
      text(
        'To share a lesson in any chat, open lessons-bot from the apps in the message box and search there.',
        { spacing: 'Medium' },
      ),
      text(
        'Please don’t put names, dates of birth, addresses or NHS numbers in a question: I don’t need them, and I don’t keep your questions.',
        { isSubtle: true, size: 'Small', spacing: 'Medium' },
      ),
    ],
    actions: [],
    summary:
      'Hello, I’m lessons-bot: ask me about the lessons from child safeguarding case reviews.',
  });
}
