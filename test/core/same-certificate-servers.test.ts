import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { readProseServerNames } from '../../src/core/recognize/prose-servers.js';

// A server the admin names only as holding the same certificate ("Same cert on EXSE02", "EXSE02 has
// the same cert", 「EXSE02 にも同じ証明書」) is in the plan's scope: it gets the copy of the renewal
// before anything organisation-wide (a send connector's TlsCertificateName) points at it.

const NOW = new Date('2026-11-28T12:00:00Z');
const fixture = readFileSync(
  new URL(
    '../fixtures/corpus-extra/n15-ese-event-viewer-xml-view-12018-partner-send-connector-pinned.txt',
    import.meta.url,
  ),
  'utf8',
);
const XML = fixture.slice(fixture.indexOf('<Event '));

describe('servers named only as holding the same certificate', () => {
  const names: [string, string[]][] = [
    ['Same cert on EXSE02 (both are source servers of that connector).', ['EXSE02']],
    ['EXSE02 has the same cert.', ['EXSE02']],
    ['The same certificate is also installed on EX16-B.', ['EX16-B']],
    ['EX02 and EX03 also use the same certificate.', ['EX02', 'EX03']],
    ['EXSV02 にも同じ証明書が入っています。', ['EXSV02']],
    ['EXSV02 も同一の証明書を使っています。', ['EXSV02']],
    ['It is the same cert as last year.', []],
    ['We run SP3 and RU32 on it.', []],
  ];
  for (const [text, expected] of names) {
    it(`reads ${JSON.stringify(text)}`, () => assert.deepEqual(readProseServerNames(text), expected));
  }

  const pastes: { name: string; paste: string; ja?: boolean }[] = [
    {
      name: 'English: "Same cert on EXSE02" beside a 12018 on EXSE01',
      paste: `Got this warning on EXSE01 (Exchange Server SE RTM). smtp.wingtiptoys.com is a GlobalSign cert we only use for SMTP. Same cert on EXSE02.\n\n${XML}`,
    },
    {
      name: 'English: "EXSE02 has the same cert"',
      paste: `Exchange Server SE, EXSE01 logs this. EXSE02 has the same cert. What's the plan?\n\n${XML}`,
    },
    {
      name: 'Japanese: 「EXSE02 にも同じ証明書が入っています」',
      paste: `EXSE01 (Exchange Server SE) で警告が出ています。EXSE02 にも同じ証明書が入っています。手順を教えてください。\n\n${XML}`,
      ja: true,
    },
  ];
  for (const c of pastes) {
    it(c.name, () => {
      const d = diagnose(c.paste, { now: NOW });
      if (c.ja) assert.equal(d.language, 'ja');
      const onOther = d.steps.filter((s) => s.server === 'EXSE02');
      assert.ok(
        onOther.some((s) => /^Import-ExchangeCertificate /m.test(s.command ?? '')),
        d.steps.map((s) => `${s.id} ${s.server ?? ''}`).join('\n'),
      );
      // Anything that points a connector at the new certificate comes after the copy is on EXSE02.
      const copied = d.steps.findIndex(
        (s) => s.server === 'EXSE02' && /^Import-ExchangeCertificate /m.test(s.command ?? ''),
      );
      const pinned = d.steps.findIndex((s) => /Set-SendConnector/.test(s.command ?? ''));
      if (pinned >= 0) assert.ok(pinned > copied, 'the connector is set after every server holds the copy');
    });
  }
});
