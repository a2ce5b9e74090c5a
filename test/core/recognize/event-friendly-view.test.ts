import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventFacts } from '../../../src/core/model.js';
import { normalizePaste } from '../../../src/core/normalize.js';
import { recognize } from '../../../src/core/recognize/index.js';

/** Event Viewer's Details tab, Friendly View, as copied (Ctrl+C on the tree): no message text at all. */
function friendly(provider: string, id: number, level: number, computer: string, data: string[]): string {
  return [
    '- System ',
    '',
    '  - Provider ',
    '',
    `   [ Name]  ${provider} `,
    ' ',
    `  - EventID ${id} `,
    '',
    '   [ Qualifiers]  49156 ',
    ' ',
    '   Version 0 ',
    ' ',
    `   Level ${level} `,
    ' ',
    '   Task 12 ',
    ' ',
    '   Keywords 0x80000000000000 ',
    ' ',
    '  - TimeCreated ',
    '',
    '   [ SystemTime]  2026-11-27T23:14:08.4417250Z ',
    ' ',
    '   EventRecordID 884213 ',
    ' ',
    '   Channel Application ',
    ' ',
    `   Computer ${computer} `,
    ' ',
    '   Security ',
    ' ',
    '',
    '- EventData ',
    '',
    ...data.map((value) => `   ${value} `),
    '',
  ].join('\n');
}

const TP = '942D3A87ACC6F0371466759EBDF7F22BE767129C';

interface Row {
  name: string;
  paste: string;
  want: Partial<EventFacts>[];
}

const EMPTY_12014 = friendly('MSExchangeFrontEndTransport', 12014, 2, 'EX19-02.corp.litware.co.jp', [
  '',
  'Default Frontend EX19-02',
  '',
]);

const ROWS: Row[] = [
  {
    name: '12014 with the domain and FQDN empty',
    paste: EMPTY_12014,
    want: [
      {
        id: 12014,
        format: 'friendly-view',
        source: 'MSExchangeFrontEndTransport',
        computer: 'EX19-02.corp.litware.co.jp',
        level: 'error',
        connector: 'Default Frontend EX19-02',
        fqdn: undefined,
        emptyFields: ['domain', 'fqdn'],
        loggedAt: '2026-11-27T23:14:08Z',
      },
    ],
  },
  {
    name: '12014 with every parameter',
    paste: friendly('MSExchangeTransport', 12014, 2, 'EX16-03.corp.adatum.com', [
      'smtp-out.adatum.com',
      'Partner TLS to Litware',
      'smtp-out.adatum.com',
    ]),
    want: [
      {
        id: 12014,
        source: 'MSExchangeTransport',
        fqdn: 'smtp-out.adatum.com',
        connector: 'Partner TLS to Litware',
        emptyFields: undefined,
      },
    ],
  },
  {
    name: '12015 with its thumbprint, Warning level',
    paste: friendly('MSExchangeTransport', 12015, 3, 'HUB07.corp.adatum.com', [TP]),
    want: [{ id: 12015, thumbprint: TP, level: 'warning', computer: 'HUB07.corp.adatum.com' }],
  },
  {
    name: 'CRLF and a Japanese question before it',
    paste: `12014 が出ています。フレンドリ ビューです。\n\n${EMPTY_12014}`.replace(/\n/g, '\r\n'),
    want: [{ id: 12014, source: 'MSExchangeFrontEndTransport', connector: 'Default Frontend EX19-02' }],
  },
  {
    name: 'in a Slack code fence',
    paste: `\`\`\`\n${EMPTY_12014}\`\`\``,
    want: [{ id: 12014, computer: 'EX19-02.corp.litware.co.jp', connector: 'Default Frontend EX19-02' }],
  },
  {
    name: 'two events one after the other',
    paste: `${friendly('MSExchangeTransport', 12015, 3, 'HUB07', [TP])}\n${friendly('MSExchangeTransport', 12014, 2, 'HUB07', ['hub07.corp.adatum.com', 'Default HUB07', 'hub07.corp.adatum.com'])}`,
    want: [
      { id: 12015, thumbprint: TP, computer: 'HUB07' },
      { id: 12014, fqdn: 'hub07.corp.adatum.com', connector: 'Default HUB07', computer: 'HUB07' },
    ],
  },
];

describe('Event Viewer Friendly View', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const events = recognize(normalizePaste(row.paste)).events;
      assert.deepEqual(
        events.map((e) => e.id),
        row.want.map((e) => e.id),
        JSON.stringify(events),
      );
      row.want.forEach((want, index) => {
        for (const [key, value] of Object.entries(want)) {
          assert.deepEqual(
            events[index]![key as keyof EventFacts],
            value,
            `${key} in ${JSON.stringify(events[index])}`,
          );
        }
      });
    });
  }
});
