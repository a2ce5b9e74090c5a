import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PasteCache } from '../../src/slack/paste-cache.js';

const paste = (text: string) => ({ text, userId: 'U1', privateKey: false, postedInChannel: false });

describe('PasteCache: recent pastes behind the buttons', () => {
  it('forgets a paste after its time to live, like the response_url it serves', () => {
    let now = Date.parse('2026-11-28T12:00:00Z');
    const cache = new PasteCache(() => new Date(now), 30 * 60_000);
    const id = cache.put(paste('12015'));
    now += 29 * 60_000;
    assert.equal(cache.get(id)?.text, '12015');
    now += 2 * 60_000;
    assert.equal(cache.get(id), undefined);
  });

  it('keeps at most maxEntries, dropping the oldest first', () => {
    const cache = new PasteCache(() => new Date('2026-11-28T12:00:00Z'), 60_000, 3);
    const ids = ['a', 'b', 'c', 'd'].map((t) => cache.put(paste(t)));
    assert.equal(cache.size, 3);
    assert.equal(cache.get(ids[0]!), undefined);
    assert.equal(cache.get(ids[3]!)?.text, 'd');
  });

  it('bounds the memory: large pastes push the oldest out', () => {
    const cache = new PasteCache(() => new Date('2026-11-28T12:00:00Z'), 60_000, 500, 1000);
    const first = cache.put(paste('x'.repeat(600)));
    const second = cache.put(paste('y'.repeat(600)));
    assert.equal(cache.get(first), undefined);
    assert.equal(cache.get(second)?.text.length, 600);
  });

  it('never keeps a private key', () => {
    const cache = new PasteCache(() => new Date('2026-11-28T12:00:00Z'));
    const id = cache.put(paste('-----BEGIN PRIVATE KEY-----\nMIIEvAIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----'));
    assert.doesNotMatch(cache.get(id)?.text ?? '', /MIIEvAIBADANBgkq/);
    assert.match(cache.get(id)?.text ?? '', /BEGIN PRIVATE KEY/);
  });
});
