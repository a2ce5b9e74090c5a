import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizePaste } from '../../../src/core/normalize.js';
import { preparePaste } from '../../../src/core/recognize/prepare.js';

describe('preparing a paste for the recognisers', () => {
  const ROWS: [string, string, string][] = [
    [
      'control characters go, tabs and newlines stay',
      'Event\u0000 ID:\u0007\t12014\n\u001b[0mok',
      'Event ID:\t12014\n[0mok',
    ],
    ['up to four blank lines stay (Friendly View counts them)', 'a\n\n   \n \n\nb', 'a\n\n   \n \n\nb'],
    ['a longer run of blank lines becomes four', `a${'\n'.repeat(50)}b`, 'a\n\n\n\n\nb'],
    ['blank lines at the end are cut to four too', `a${'\n \t'.repeat(20)}`, 'a\n \t\n \t\n \t\n \t\n'],
    [
      'text without either is returned as it is',
      'Thumbprint : ABC\nNotAfter : 1/1/2027',
      'Thumbprint : ABC\nNotAfter : 1/1/2027',
    ],
  ];
  for (const [name, input, want] of ROWS) {
    it(name, () => assert.equal(preparePaste(input), want));
  }
});

describe('CRLF line ends, with long runs of blank lines', () => {
  const ROWS: [string, string, string][] = [
    ['CRLF becomes LF, a short run of blank lines stays', 'a\r\n\r\n\r\nb\r\n', 'a\n\n\nb\n'],
    ['a long run of blank CRLF lines becomes four', `a${'\r\n'.repeat(50)}b`, 'a\n\n\n\n\nb'],
    ['blank CRLF lines with spaces count as blank', `a${'\r\n \t'.repeat(20)}\r\nb`, 'a\n \t\n \t\n \t\n \t\nb'],
    ['a lone CR is a line end too', 'a\rb\r\nc', 'a\nb\nc'],
  ];
  for (const [name, input, want] of ROWS) {
    it(name, () => assert.equal(preparePaste(normalizePaste(input)), want));
  }
  it('half a million blank CRLF lines are cut before they are rewritten', () => {
    assert.equal(normalizePaste(`a${'\r\n'.repeat(500_000)}b`), 'a\n\n\n\n\nb');
  });
});
