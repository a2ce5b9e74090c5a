import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ids } from '../../src/slack/ids.js';

/**
 * The manifests and the code must name the same command, shortcut and events, or Slack routes to
 * listeners that do not exist. A purpose-made reader for the few keys (no YAML dependency).
 */
function read(file: string) {
  const text = readFileSync(new URL(`../../manifests/${file}`, import.meta.url), 'utf8');
  const scalar = (key: string) =>
    [...text.matchAll(new RegExp(`^\\s*-?\\s*${key}:\\s*"?([^"\\n#]+?)"?\\s*$`, 'gm'))].map((m) => m[1]);
  const list = (key: string) => {
    const block = new RegExp(`^(\\s*)${key}:\\s*\\n((?:\\1\\s+(?:-.*|#.*)\\n)+)`, 'm').exec(text);
    return (block?.[2] ?? '')
      .split('\n')
      .map((l) => /^\s*-\s*(\S+)/.exec(l)?.[1])
      .filter((v): v is string => !!v);
  };
  return { text, scalar, list };
}

const HANDLED_EVENTS = ['app_mention', 'app_home_opened'];

for (const file of ['slack-app.http.yaml', 'slack-app.socket.yaml']) {
  describe(`manifests/${file}`, () => {
    const m = read(file);
    it('declares the command and the shortcut the listeners handle', () => {
      assert.deepEqual(m.scalar('command'), [ids.command]);
      assert.deepEqual(m.scalar('callback_id'), [ids.shortcuts.diagnoseMessage]);
      assert.deepEqual(m.scalar('type'), ['message']);
    });
    it('subscribes to exactly the events that have listeners', () => {
      assert.deepEqual(m.list('bot_events').sort(), [...HANDLED_EVENTS].sort());
    });
    it('asks for the minimal bot scopes', () => {
      assert.deepEqual(m.list('bot').sort(), [
        'app_mentions:read',
        'channels:history',
        'channels:read',
        'chat:write',
        'chat:write.public',
        'commands',
        'files:read',
        'groups:history',
        'groups:read',
        'users:read',
      ]);
    });
    it('enables interactivity and the App Home tab', () => {
      assert.deepEqual(m.scalar('home_tab_enabled'), ['true']);
      assert.deepEqual(m.scalar('is_enabled'), ['true']);
    });
    it('matches its mode', () => {
      const socket = file.includes('socket');
      assert.deepEqual(m.scalar('socket_mode_enabled'), [String(socket)]);
      assert.equal(/request_url|^\s*url:/m.test(m.text), !socket);
      if (!socket) for (const url of m.scalar('(?:request_)?url')) assert.match(url ?? '', /\/slack\/events$/);
    });
  });
}
