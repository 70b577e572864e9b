import { describe, expect, it } from 'vitest';
import { messageRequest, messageText } from '../../src/adapters/teams/message-request.ts';
import { buttonPress, teamsActivity } from '../helpers/teams-activities.ts';

const URL = 'http://127.0.0.1:1/';
type Msg = Parameters<typeof messageText>[0];

describe('messageText', () => {
  it('strips the bot’s mention and the trailing newline Teams adds', () => {
    expect(messageText(teamsActivity('message-channel-mention', URL) as unknown as Msg)).toBe(
      'lessons on chronologies',
    );
  });

  it('strips other people’s mentions too: a search needs no names', () => {
    const activity = teamsActivity('message-channel-mention', URL, {
      text: '<at>lessons-bot</at> <at>Jane Smith</at> escalation',
      entities: [
        {
          type: 'mention',
          mentioned: { id: 'bot', name: 'lessons-bot' },
          text: '<at>lessons-bot</at>',
        },
        {
          type: 'mention',
          mentioned: { id: 'jane', name: 'Jane Smith' },
          text: '<at>Jane Smith</at>',
        },
      ],
    });
    expect(messageText(activity as unknown as Msg)).toBe('escalation');
  });

  it('drops HTML and decodes the entities some clients send', () => {
    const activity = teamsActivity('message-personal', URL, {
      text: '<p>neglect&nbsp;&amp; drift</p>',
    });
    expect(messageText(activity as unknown as Msg)).toBe('neglect & drift');
  });
});

describe('messageRequest', () => {
  it('turns typed text into a command', () => {
    expect(messageRequest(teamsActivity('message-personal', URL) as unknown as Msg)).toEqual({
      command: { kind: 'search', query: 'lessons on chronologies', offset: 0 },
    });
  });

  it('turns a button press into the command it stands for', () => {
    const press = buttonPress(URL, {
      lessonsBot: { v: 1, action: { kind: 'lesson', id: 'southwark-child-r/8' } },
    });
    expect(messageRequest(press as unknown as Msg)).toEqual({
      command: { kind: 'lesson', id: 'southwark-child-r/8' },
    });
  });

  it('answers a bare @mention with help', () => {
    const activity = teamsActivity('message-channel-mention', URL, {
      text: '<at>lessons-bot</at>',
    });
    expect(messageRequest(activity as unknown as Msg)).toEqual({
      command: { kind: 'help', topic: 'general' },
    });
  });
});
