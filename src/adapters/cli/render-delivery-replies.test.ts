import { beforeEach, describe, expect, it } from 'vitest';
import { type DeliveryHarness, deliveryHarness } from '../../../test/helpers/delivery-harness.ts';
import { gone } from '../../../test/helpers/delivery-notifier.ts';
import { memoryStore } from '../../../test/helpers/memory-store.ts';
import {
  type BriefingCommands,
  type Conversation,
  createBriefingCommands,
} from '../../core/index.ts';
import { renderText } from './render-text.ts';

const style = { prefix: 'lessons-bot ' };
const here = (channel: string): Conversation => ({
  target: { platform: 'slack', workspace: 'T1', channel, label: `#${channel}` },
  userId: 'slack:U1',
});

let h: DeliveryHarness;
let commands: BriefingCommands;
beforeEach(async () => {
  h = await deliveryHarness(async () => memoryStore(), '2026-11-20T12:00:00Z');
  commands = createBriefingCommands({
    store: h.store,
    runner: h.runner(),
    corpus: () => h.corpus,
    clock: h.time.clock,
  });
});

describe('renderText for briefing replies', () => {
  it('shows a subscription with its schedule, themes and next post', async () => {
    const text = renderText(
      await commands.subscribe(here('C1'), 'tue 10:30 themes neglect'),
      style,
    );
    expect(text).toContain('Schedule: every Tuesday at 10:30 (Europe/London)');
    expect(text).toContain('Themes: Neglect');
    expect(text).toContain('Next: Tuesday 24 November 2026, 10:30 (Europe/London)');
    expect(text).toContain(
      'Try: lessons-bot preview, lessons-bot subscription, lessons-bot unsubscribe',
    );
  });

  it('shows a preview with what happened and the questions', async () => {
    const text = renderText(await commands.preview(here('C1')), style);
    expect(text).toMatch(/^This channel does not get the weekly lesson/);
    expect(text).toContain('Preview: lesson of the week (2026-W48)');
    expect(text).toContain('What happened');
    expect(text).toContain('Questions for your team');
    expect(text).toContain('1. ');
  });

  it('shows a publish result with the gone channels', async () => {
    await commands.subscribe(here('C1'), '');
    await commands.subscribe(here('C2'), '');
    h.notifier.script('C2', gone('channel_not_found'));
    const text = renderText(await commands.publish('cli', 'york-child-c', false), style);
    expect(text).toContain('Published “Child C” (york, 2016) to 1 channel.');
    expect(text).toContain('Gone (marked inactive):\n   #C2 (slack): channel_not_found');
  });

  it('shows the report as a short table', async () => {
    await commands.subscribe(here('C1'), '');
    h.time.set('2026-11-23T09:05:00Z');
    await h.runner().runDue(h.time.clock());
    const text = renderText(await commands.report('cli', undefined), style);
    expect(text).toContain(
      'Channel  Platform  Status  Briefings  Broadcasts  Discussed  Plans  Last delivery',
    );
    expect(text).toContain(
      '#C1      slack     active  1          0           0          0      2026-11-23',
    );
    expect(text).toMatch(
      /\nThe learning from .+ reached 1 team; 0 discussed it; 0 planned a change;\s+none has yet\s+reported a change in practice\.\n {3}Teams reached {24}1\n {3}Discussed it {25}0 of 1 \(0%\)\n {3}Planned a change {21}0 of 1 \(0%\)\n {3}Changed practice \(fully or in part\) {2}0 of 1 \(0%\)\n/,
    );
  });
});
