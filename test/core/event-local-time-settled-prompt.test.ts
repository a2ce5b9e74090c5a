import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';

// wevtutil /f:text, Get-WinEvent and Event Viewer print the server's clock without a zone: a
// countdown from their hours remaining is in server time, not UTC. Events repeating for the same
// certificate list it once. A question about the overwrite prompt beside 12015/12017 is settled by the
// event (the new certificate is the server's own self-signed one: Y), with no tree about a "new
// certificate" before any step makes it.

const NOW = new Date('2026-11-28T12:00:00Z');
const THUMB = '5BFDD662C642DEA8EDE6CFC59F1619399AD04422';
const WEVTUTIL_EN = (date: string, hours: number) => `Event[0]:
  Log Name: Application
  Source: MSExchangeTransport
  Date: ${date}
  Event ID: 12017
  Task: TransportService
  Level: Warning
  Opcode: Info
  Keyword: Classic
  User: N/A
  User Name: N/A
  Computer: HUB01.contoso.local
  Description: 
An internal transport certificate will expire soon. Thumbprint:${THUMB}, hours remaining: ${hours}
`;
const WINEVENT = `TimeCreated      : 11/27/2026 6:02:55 PM
ProviderName     : MSExchangeTransport
Id               : 12017
LevelDisplayName : Warning
MachineName      : EX01.contoso.local
Message          : An internal transport certificate will expire soon. Thumbprint:${THUMB}, hours remaining: 70
`;
const n14 = readFileSync(
  new URL('../fixtures/corpus-extra/n14-ja-e2010sp3-wevtutil-text-12017-hub-edgesync.txt', import.meta.url),
  'utf8',
);
const n15 = readFileSync(
  new URL(
    '../fixtures/corpus-extra/n15-ese-event-viewer-xml-view-12018-partner-send-connector-pinned.txt',
    import.meta.url,
  ),
  'utf8',
);

const commands = (d: Diagnosis) => d.steps.map((s) => s.command ?? '').join('\n');

const LOCAL: { name: string; paste: string; prompt?: boolean; ja?: boolean }[] = [
  { name: 'Japanese wevtutil /f:text, two 12017 and the Y/N question', paste: n14, prompt: true, ja: true },
  {
    name: 'English wevtutil /f:text, two 12017 and "Y or N?"',
    paste: `Exchange 2010 SP3 Hub HUB01. 12017 started. For "Overwrite the existing default SMTP certificate?" do I answer Y or N?\n\n${WEVTUTIL_EN('2026-11-28T09:15:32.123', 60)}${WEVTUTIL_EN('2026-11-27T09:15:30.001', 84).replace('Event[0]', 'Event[1]')}`,
    prompt: true,
  },
  { name: 'English Get-WinEvent | fl with a local TimeCreated', paste: `Exchange 2016 CU23 (EX01).\n\n${WINEVENT}` },
];

describe('events without a zone, repeated events, and the prompt the event settles', () => {
  for (const c of LOCAL) {
    it(c.name, () => {
      const d = diagnose(c.paste, { now: NOW });
      if (c.ja) assert.equal(d.language, 'ja');
      const listed = d.certificates.filter((x) => x.thumbprint === THUMB);
      assert.equal(listed.length, 1, 'the certificate is listed once');
      assert.equal(listed[0]?.localTime, true, 'the countdown is in server time');
      if (c.prompt) {
        const prompt = d.findings.find((f) => f.code === 'SMTP_OVERWRITE_PROMPT');
        assert.match(prompt?.message ?? '', /Answer Y|Y と答え/);
        assert.doesNotMatch(
          commands(d),
          /<new thumbprint>\s*\|\s*fl Subject,Issuer,IsSelfSigned|<新しい証明書の拇印>\s*\|\s*fl Subject,Issuer,IsSelfSigned/,
        );
        assert.ok(
          !d.steps.some((s) => /^If IsSelfSigned|^IsSelfSigned が/.test(s.title)),
          d.steps.map((s) => s.title).join('\n'),
        );
        assert.equal(d.steps.filter((s) => /InternalTransportCertificateThumbprint$/.test(s.command ?? '')).length, 1);
        assert.match(commands(d), /^New-ExchangeCertificate -DomainName HUB01\.contoso\.local,HUB01 -Services SMTP$/m);
      }
    });
  }

  it('the XML view SystemTime carries UTC: its countdown stays in UTC', () => {
    const d = diagnose(n15, { now: NOW });
    const cert = d.certificates.find((x) => x.thumbprint === 'CF115D4F58852BA7C7E2CD43497ABDE787F04FCC');
    assert.ok(cert);
    assert.notEqual(cert.localTime, true);
  });
});
