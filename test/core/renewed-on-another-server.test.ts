import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// The admin says the certificate was renewed on another server (the Hub, a Mailbox server) and the
// server that logs the event (the Edge) was left untouched: the renewal is exported there with its key
// and imported here, never requested a second time (EdgeSync does not carry a certificate).

const event12014 = (computer: string, connector: string, fqdn: string, ja: boolean) => `${
  ja ? 'ログの名前:' : 'Log Name:'
}      Application
${ja ? 'ソース:' : 'Source:'}        MSExchangeTransport
${ja ? 'イベント ID:' : 'Event ID:'}      12014
${ja ? 'レベル:        エラー' : 'Level:         Error'}
${ja ? 'コンピューター:' : 'Computer:'}      ${computer}
${ja ? '説明:' : 'Description:'}
Microsoft Exchange could not find a certificate that contains the domain name ${fqdn} in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector ${connector} with a FQDN parameter of ${fqdn}. If the connector's FQDN is not specified, the computer's FQDN is used. Verify the connector configuration and the installed certificates to make sure that there is a certificate with a domain name for that FQDN. If this certificate exists, run Enable-ExchangeCertificate -Services SMTP to make sure that the Microsoft Exchange Transport service has access to the certificate key.`;

interface Row {
  name: string;
  paste: string;
  lang: 'en' | 'ja';
  source: string;
  target: string;
}

const ROWS: Row[] = [
  {
    name: 'Exchange 2010 Edge: renewed on the hub (HUB01), the Edge untouched',
    paste: `Exchange 2010 SP3 Edge EDGE01. Renewed the public cert on the hub (HUB01) last month, did not touch the Edge. Partners say TLS is not offered.

${event12014('EDGE01.perimeter.fabrikam.com', 'Default internal receive connector EDGE01', 'mail.fabrikam.com', false)}`,
    lang: 'en',
    source: 'HUB01',
    target: 'EDGE01',
  },
  {
    name: 'Exchange 2019 Edge: renewed on a Mailbox server, the Edge not yet',
    paste: `Exchange 2019 CU14. I renewed the certificate on EXMBX01, did not touch EDGE19 yet. Now this on the Edge:

${event12014('EDGE19.dmz.contoso.com', 'Default internal receive connector EDGE19', 'mail.contoso.com', false)}`,
    lang: 'en',
    source: 'EXMBX01',
    target: 'EDGE19',
  },
  {
    name: 'Japanese: renewed on HUB01, nothing done on the Edge',
    paste: `Exchange 2016 CU23 のエッジ EDGE16 です。HUB01 で公開証明書を更新しました。エッジには何もしていません。取引先から TLS が使えないと言われています。

${event12014('EDGE16.dmz.contoso.co.jp', 'Default internal receive connector EDGE16', 'mail.contoso.co.jp', true)}`,
    lang: 'ja',
    source: 'HUB01',
    target: 'EDGE16',
  },
];

describe('a certificate renewed on another server is copied to the server that needs it', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const d = diagnose(row.paste, { now: REFERENCE_NOW });
      assert.equal(d.language, row.lang);
      const all = d.steps.map((s) => s.command ?? '').join('\n');
      const exported = d.steps.find((s) => s.id === 'export-copy');
      const imported = d.steps.find((s) => s.id === 'import-copy');
      assert.equal(exported?.server, row.source, d.steps.map((s) => `${s.id}@${s.server}`).join(' '));
      assert.equal(imported?.server, row.target);
      assert.ok(d.steps.indexOf(exported) < d.steps.indexOf(imported));
      assert.doesNotMatch(all, /-GenerateRequest/, 'never a second request');
      assert.match(all, /Enable-ExchangeCertificate -Thumbprint .+ -Services SMTP/);
    });
  }
});
