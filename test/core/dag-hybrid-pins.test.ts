import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// Each member of a DAG has its own Default Frontend receive connector. When the renewal is copied to
// the other members, the connector of each that pins the certificate is pointed at the copy, and the
// Front End Transport service there reads it again: never only the first member's.

const OLD = 'B885B172DEC15E8AAB779111E3BD8AB0152BB4D6';

const listing = (
  server: string,
  fqdn: string,
) => `[PS] C:\\>Get-ExchangeCertificate -Server ${server} | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services NotAfter              Subject
----------                               -------- --------              -------
${OLD} IP.WS..  12/5/2026 11:59:59 PM CN=${fqdn}, O=Woodgrove Bank, C=US
A4DB7FD9E17039B0FD279BC81A0FD7DAB952DDDB ....S..  7/19/2030 2:03:51 PM  CN=Microsoft Exchange Server Auth Certificate
E2FB8016637EAB5E5416D8EB702C3AD415858673 IP.WS..  8/24/2030 2:01:17 PM  CN=${server}

[PS] C:\\>Get-ExchangeCertificate -Thumbprint ${OLD} | fl Issuer,CertificateDomains,Status

Issuer             : CN=Sectigo RSA Organization Validation Secure Server CA, O=Sectigo Limited, L=Salford, S=Greater Manchester, C=GB
CertificateDomains : {${fqdn}, autodiscover.${fqdn.split('.').slice(1).join('.')}}
Status             : Valid`;

interface Row {
  name: string;
  paste: string;
  lang: 'en' | 'ja';
  members: string[];
}

const ROWS: Row[] = [
  {
    name: 'hybrid DAG of three, the renewal requested on the first',
    paste: `Exchange 2019 CU14 hybrid, 3 mailbox servers in a DAG (EXDAG01, EXDAG02, EXDAG03). The Sectigo certificate expires Saturday. What is the order of commands?

${listing('EXDAG01', 'webmail.woodgrovebank.com')}`,
    lang: 'en',
    members: ['EXDAG02', 'EXDAG03'],
  },
  {
    name: 'Japanese: hybrid DAG of two',
    paste: `Exchange 2016 CU23 のハイブリッド構成で、DAG は MBX01 と MBX02 の 2 台です。証明書の期限が土曜日に切れます。更新の手順を教えてください。

${listing('MBX01', 'mail.woodgrovebank.co.jp')}`,
    lang: 'ja',
    members: ['MBX02'],
  },
];

describe('every DAG member that gets the copy has its own Default Frontend connector pointed at it', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const d = diagnose(row.paste, { now: REFERENCE_NOW });
      assert.equal(d.language, row.lang);
      for (const member of row.members) {
        const own = d.steps.filter((s) => s.server === member);
        const ids = own.map((s) => s.id);
        const enable = ids.indexOf('ca-enable');
        const pin = own.find((s) => s.id === 'set-receive-pin');
        assert.ok(enable >= 0, `${member}: ${ids.join(' ')}`);
        assert.ok(pin, `${member}: no pin step: ${ids.join(' ')}`);
        assert.ok(ids.indexOf('set-receive-pin') > enable, 'the copy is enabled before the connector names it');
        assert.match(pin.command ?? '', new RegExp(`Set-ReceiveConnector '${member}\\\\Default Frontend ${member}'`));
        const restart = own.find(
          (s, i) => i > ids.indexOf('set-receive-pin') && /MSExchangeFrontEndTransport/.test(s.command ?? ''),
        );
        assert.ok(restart, `${member}: Front End Transport not restarted after its connector changed`);
      }
    });
  }
});
