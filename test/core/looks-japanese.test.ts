import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looksJapanese } from '../../src/core/normalize.js';

describe('looksJapanese', () => {
  it('takes a Japanese word, not a stray character or bytes decoded as text', () => {
    assert.equal(looksJapanese('証明書の有効期限が切れています'), true);
    assert.equal(looksJapanese('EX01 で実行します'), true);
    assert.equal(looksJapanese('Event ID 12014 on EX01'), false);
    // Two kanji in a row but only two in all: one word in an English log.
    assert.equal(looksJapanese('Server 東京 is down'), false);
    // Kanji apart from each other never make a word.
    assert.equal(looksJapanese('a証b明c書d'), false);
    // A binary file read as UTF-8 is full of replacement characters, whatever kanji it yields.
    assert.equal(looksJapanese(`${'\uFFFD'.repeat(20)}証明書`), false);
  });
});
