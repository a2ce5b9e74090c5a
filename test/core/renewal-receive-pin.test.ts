import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const event = (connector: string, computer = 'EX16-01.corp.contoso.co.jp') => `Log Name:      Application
Source:        MSExchangeFrontEndTransport
Date:          11/28/2026 9:41:07 AM
Event ID:      12014
Task Category: TransportService
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      ${computer}
Description:
Microsoft Exchange could not find a certificate that contains the domain name mail.contoso.co.jp in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector ${connector} with a FQDN parameter of mail.contoso.co.jp. If the connector's FQDN is not specified, the computer's FQDN is used. Verify the connector configuration and the installed certificates to make sure that there is a certificate with a domain name for that FQDN. If this certificate was renewed, the connector might still be using the old certificate, or a new certificate might not be enabled for SMTP.
`;

/**
 * 12014 after a renewal: the receive connector the event names may still name the old certificate
 * in TlsCertificateName, so it is shown, and set to the renewed one only where it names the old one.
 */
describe('12014 after a renewal checks the receive connector the event names', () => {
  const rows: { name: string; lang: 'en' | 'ja'; paste: string; connector?: string }[] = [
    {
      name: 'renewal said in English',
      lang: 'en',
      paste: `We renewed our certificate yesterday on EX16-01 (Exchange 2016 CU23) and now this:\n${event('Default Frontend EX16-01')}`,
      connector: 'EX16-01\\Default Frontend EX16-01',
    },
    {
      name: 'renewal said in Japanese',
      lang: 'ja',
      paste: `EX16-01 (Exchange 2016 CU23) で昨日証明書を更新したあとから以下が出ています。\n${event('Default Frontend EX16-01')}`,
      connector: 'EX16-01\\Default Frontend EX16-01',
    },
    {
      name: 'another receive connector named by the event',
      lang: 'en',
      paste: `After the renewal last week (Exchange 2019 CU14):\n${event('EX16-01\\Partner Inbound')}`,
      connector: 'EX16-01\\Partner Inbound',
    },
    {
      name: 'no renewal said: no connector step',
      lang: 'en',
      paste: `Exchange 2016 CU23:\n${event('Default Frontend EX16-01')}`,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const d = diagnose(row.paste, { now: NOW, lang: row.lang });
      const show = d.steps.findIndex((s) =>
        /Get-ReceiveConnector '.*' \| fl Identity,Fqdn,TlsCertificateName/.test(s.command ?? ''),
      );
      const set = d.steps.findIndex((s) =>
        /Set-ReceiveConnector .* -TlsCertificateName "<I>\$\(\$c\.Issuer\)<S>\$\(\$c\.Subject\)"/.test(s.command ?? ''),
      );
      if (!row.connector) {
        assert.equal(show, -1);
        assert.equal(set, -1);
        return;
      }
      assert.ok(show >= 0 && set > show, d.steps.map((s) => s.command ?? s.title).join('\n'));
      assert.ok(d.steps[show]?.command?.includes(`'${row.connector}'`), d.steps[show]?.command);
      assert.ok(d.steps[set]?.command?.includes(`'${row.connector}'`), d.steps[set]?.command);
      // The change is made only where the connector names the old certificate, said in the step.
      assert.match(
        d.steps[set]?.title ?? '',
        row.lang === 'en'
          ? /^If TlsCertificateName names the old certificate/
          : /^TlsCertificateName が古い証明書を指定している場合/,
      );
      // Before the restart that makes the transport read it.
      const restart = d.steps.findIndex((s) => /Restart-Service MSExchangeFrontEndTransport/.test(s.command ?? ''));
      assert.ok(restart > set);
    });
  }
});
