import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
