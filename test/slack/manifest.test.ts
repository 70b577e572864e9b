/** manifest/slack.yaml says what the code registers: the command, the scopes, the events, the URLs. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  BOT_EVENTS,
  BOT_SCOPES,
  SLACK_EVENTS_PATH,
  SLASH_COMMAND,
} from '../../src/adapters/slack/index.ts';

interface Manifest {
  _metadata: { major_version: number };
  display_information: {
    name: string;
    description: string;
    long_description: string;
    background_color: string;
  };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: Array<{
      command: string;
      url: string;
      description: string;
      usage_hint: string;
      should_escape: boolean;
    }>;
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
    org_deploy_enabled: boolean;
  };
}

const manifest = parse(
  readFileSync(resolve(import.meta.dirname, '../../manifest/slack.yaml'), 'utf8'),
) as Manifest;

describe('manifest/slack.yaml', () => {
  it('declares the one slash command the app registers, pointing at its endpoint', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    const [command] = manifest.features.slash_commands;
    expect(command?.url.endsWith(SLACK_EVENTS_PATH)).toBe(true);
    expect(command?.description.length).toBeLessThanOrEqual(100);
    expect(command?.usage_hint.length).toBeGreaterThan(0);
    // Escaping would turn typed names into <@U…> ids that then pollute the search.
    expect(command?.should_escape).toBe(false);
  });

  it('asks for exactly the bot scopes the code needs, and no user scopes', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
    expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
  });

  it('subscribes to exactly the events the app listens to, at the same endpoint', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      [...BOT_EVENTS].sort(),
    );
    expect(manifest.settings.event_subscriptions.request_url.endsWith(SLACK_EVENTS_PATH)).toBe(
      true,
    );
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: manifest.settings.event_subscriptions.request_url,
    });
  });

  it('enables the Home tab the app publishes, and is HTTP mode by default', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.org_deploy_enabled).toBe(false);
  });

  it('has display information Slack accepts', () => {
    const info = manifest.display_information;
    expect(info.name).toBe('lessons-bot');
    expect(info.description.length).toBeLessThanOrEqual(140);
    expect(info.long_description.length).toBeGreaterThanOrEqual(174);
    expect(info.long_description.length).toBeLessThanOrEqual(4000);
    expect(info.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
  });
});
