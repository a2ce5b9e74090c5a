import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { diagnose } from '../../../src/core/diagnose.js';
import { normalizePaste } from '../../../src/core/normalize.js';
import { recognize } from '../../../src/core/recognize/index.js';
import { corpusText } from '../../helpers/cert-fixtures.js';

/** A realistic paste kept with these tests (test/fixtures/recognize). */
function recognizeFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/recognize/${name}`, import.meta.url), 'utf8');
}

/** What copying does to a paste: a stray NUL, a control character, a thumbprint that lost a digit. */

const NOW = new Date('2026-11-28T12:00:00Z');
const SAMPLES = [
  's01-e2007-hub-12015.txt',
  's02-e2007-edge-12015-12014-ja.txt',
  's04-e2010-hub-12017-expiring.txt',
  's06-e2013-12018-starttls-expiring.txt',
  's07-e2016-frontend-12014-tlscertname.txt',
  's09-e2019-12013-12024-internal-missing.txt',
  't03-e2019-12014-empty-fields-frontend.txt',
  't04-e2007-hub-edgesync-12015-12014.txt',
  't11-e2016-httpevent-15021-444-netsh.txt',
  't16-e2019-friendly-view-12014-empty-ja.txt',
].map((file) => ({ file, text: file.startsWith('t') ? recognizeFixture(file) : corpusText(file) }));

const ids = (text: string) => [...new Set(recognize(normalizePaste(text)).events.map((event) => event.id))].sort();
const CONTROL = [...'\u0000\u0001\u0002\u0007\u0008\u000b\u000c\u000e\u001b\u001f\u007f'];
const THUMBPRINT = /\b[0-9A-F]{40}\b/g;

/** One character of one thumbprint in the paste replaced (O for 0, a letter that is not hex) or lost. */
function damageThumbprint(text: string, which: number, at: number, how: number): string {
  const found = [...text.matchAll(THUMBPRINT)];
  if (found.length === 0) return text;
  const match = found[which % found.length]!;
  const position = match.index + (at % 40);
  const replacement = ['O', 'G', '', 'l'][how % 4]!;
  return text.slice(0, position) + replacement + text.slice(position + 1);
}

describe('damaged pastes', () => {
  it('a 12017 whose thumbprint lost a digit keeps the event, its hours, and says the thumbprint is damaged', () => {
    const text = corpusText('s04-e2010-hub-12017-expiring.txt').replace(
      '4B7670E292365AC9BB92935281E6A52675C82B02',
      '4B7670E292365AC9BB92935281E6A52675C82B0',
    );
    const evidence = recognize(normalizePaste(text));
    assert.deepEqual(
      evidence.events.map((e) => [e.id, e.thumbprint, e.hoursRemaining]),
      [[12017, undefined, 1187]],
    );
    assert.deepEqual(
      evidence.notes.map((n) => n.code),
      ['damaged-thumbprint'],
    );
  });

  it('one NUL in a paste does not make it unreadable', () => {
    const text = recognizeFixture('t04-e2007-hub-edgesync-12015-12014.txt');
    const withNul = `${text.slice(0, 200)}\u0000${text.slice(200)}`;
    assert.deepEqual(ids(withNul), [12014, 12015]);
    const diagnosis = diagnose(withNul, { now: NOW });
    assert.ok(diagnosis.findings.some((f) => f.code === 'TRANSPORT_CERT_EXPIRED'));
    assert.equal(diagnosis.events.find((e) => e.id === 12015)?.thumbprint, '942D3A87ACC6F0371466759EBDF7F22BE767129C');
  });

  it('a paste full of NULs (UTF-16 read as UTF-8) is still read', () => {
    const text = corpusText('s01-e2007-hub-12015.txt');
    const utf16ish = [...text].map((ch) => `${ch}\u0000`).join('');
    assert.deepEqual(ids(utf16ish), [12015]);
  });

  it('property: a recognised event survives a stray NUL or control character, fields and findings too', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SAMPLES), fc.nat(), fc.constantFrom(...CONTROL), ({ text }, at, control) => {
        const position = at % (text.length + 1);
        const damaged = text.slice(0, position) + control + text.slice(position);
        assert.deepEqual(ids(damaged), ids(text));
        const before = diagnose(text, { now: NOW });
        const after = diagnose(damaged, { now: NOW });
        assert.deepEqual(
          after.events.map((e) => [e.id, e.thumbprint, e.computer]),
          before.events.map((e) => [e.id, e.thumbprint, e.computer]),
        );
        assert.deepEqual(
          after.findings.map((f) => f.code),
          before.findings.map((f) => f.code),
        );
      }),
      { numRuns: 120 },
    );
  });

  it('property: a damaged thumbprint loses the thumbprint, never the event; a finding or a note still says it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SAMPLES), fc.nat(), fc.nat(), fc.nat(), ({ text }, which, at, how) => {
        const damaged = damageThumbprint(text, which, at, how);
        assert.deepEqual(ids(damaged), ids(text));
        const evidence = recognize(normalizePaste(damaged));
        const diagnosis = diagnose(damaged, { now: NOW });
        const said = diagnosis.findings.length > 0 || evidence.notes.some((n) => n.code === 'damaged-thumbprint');
        assert.ok(said, `nothing said for ${JSON.stringify(diagnosis.events)}`);
      }),
      { numRuns: 120 },
    );
  });
});
