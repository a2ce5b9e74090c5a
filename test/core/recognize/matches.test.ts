import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { matchesOf } from '../../../src/core/recognize/matches.js';

/** What matchAll gives, as plain values (the match texts, groups and places). */
const shape = (matches: Iterable<RegExpMatchArray>) =>
  [...matches].map((m) => ({ all: [...m], index: m.index, groups: m.groups }));

describe('matchesOf', () => {
  const regexes = [/\d+/g, /(?<hex>[0-9A-F]{2})(?::|$)/gi, /a*/g, /(?:)/gu, /\b/g, /x?/gu, /イベント\s*(\d{4,5})/g];

  it('gives what matchAll gives, empty matches and surrogate pairs included', () => {
    const texts = ['', 'abc 12 345', 'aa:BB:cc', 'x😀x😀', 'イベント 12014 と イベント12015', 'aaa\nbbb'];
    for (const regex of regexes)
      for (const text of texts) assert.deepEqual(shape(matchesOf(regex, text)), shape(text.matchAll(regex)));
  });

  it('agrees with matchAll on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        for (const regex of regexes) assert.deepEqual(shape(matchesOf(regex, text)), shape(text.matchAll(regex)));
      }),
    );
  });

  it('starts from the beginning whatever the regex was used for before, and may run inside itself', () => {
    const digits = /\d/g;
    digits.lastIndex = 3;
    assert.deepEqual(
      [...matchesOf(digits, '123')].map((m) => m[0]),
      ['1', '2', '3'],
    );
    const pairs: string[] = [];
    for (const outer of matchesOf(digits, '12'))
      for (const inner of matchesOf(digits, '34')) pairs.push(outer[0] + inner[0]);
    assert.deepEqual(pairs, ['13', '14', '23', '24']);
  });

  it('refuses a regex without the g flag, as matchAll does', () => {
    assert.throws(() => [...matchesOf(/a/, 'aaa')], TypeError);
  });
});
