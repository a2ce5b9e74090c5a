import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { statedSymptomPort } from '../../src/core/facts/symptom-port.js';
import { readProseServerNames } from '../../src/core/recognize/prose-servers.js';

const NOW = new Date('2026-11-28T12:00:00Z');

/** openssl -showcerts of an endpoint whose valid leaf comes with an expired intermediate. */
function showcerts(host: string, port: number): string {
  const starttls = port === 443 ? '' : ' -starttls smtp';
  return `$ openssl s_client -connect ${host}:${port}${starttls} -servername ${host} -showcerts </dev/null
CONNECTED(00000003)
depth=2 C = US, O = Example Trust Services, CN = Example Trust Root R1
verify return:1
depth=1 C = US, O = Example Trust Services, CN = Example Trust RSA OV CA 2021
verify error:num=10:certificate has expired
notAfter=Nov 25 23:59:59 2026 GMT
verify return:1
depth=0 CN = ${host}
verify return:1
---
Certificate chain
 0 s:CN = ${host}
   i:C = US, O = Example Trust Services, CN = Example Trust RSA OV CA 2021
   a:PKEY: rsaEncryption, 2048 (bit); sigalg: RSA-SHA256
   v:NotBefore: Jan 10 00:00:00 2026 GMT; NotAfter: Jan 10 23:59:59 2027 GMT
 1 s:C = US, O = Example Trust Services, CN = Example Trust RSA OV CA 2021
   i:C = US, O = Example Trust Services, CN = Example Trust Root R1
   a:PKEY: rsaEncryption, 2048 (bit); sigalg: RSA-SHA256
   v:NotBefore: Nov 25 00:00:00 2021 GMT; NotAfter: Nov 25 23:59:59 2026 GMT
---
Server certificate
subject=CN = ${host}
issuer=C = US, O = Example Trust Services, CN = Example Trust RSA OV CA 2021
---
SSL handshake has read 3342 bytes and written 447 bytes
Verification error: certificate has expired
---
    Verify return code: 10 (certificate has expired)
---
`;
}

/**
 * The service that presented the expired intermediate is the one restarted and probed after the
 * renewed intermediate is installed: IIS and 443 for HTTPS, the transport services and 25 for SMTP;
 * on every server the admin names.
 */
describe('an expired intermediate is reloaded and checked where it was seen', () => {
  const rows: {
    name: string;
    lang: 'en' | 'ja';
    prose: string;
    host: string;
    port: number;
    servers: string[];
  }[] = [
    {
      name: 'EAS on 443, two servers named with a slash',
      lang: 'en',
      prose: 'Phones fail against the site since Tuesday. EX01/EX02 are 2019 CU14 behind a layer-4 LB (pass-through).',
      host: 'mail.northwind.com',
      port: 443,
      servers: ['EX01', 'EX02'],
    },
    {
      name: 'OWA on 443, Japanese, two servers',
      lang: 'ja',
      prose: 'Exchange 2019 CU14（EXJ01、EXJ02）です。スマートフォンと OWA で証明書エラーになります。',
      host: 'mail.contoso.co.jp',
      port: 443,
      servers: ['EXJ01', 'EXJ02'],
    },
    {
      name: 'OWA on 443, one server',
      lang: 'en',
      prose: 'Exchange 2016 CU23, server EX16-01. Browsers say the chain has an expired certificate.',
      host: 'owa.fabrikam.com',
      port: 443,
      servers: ['EX16-01'],
    },
    {
      name: 'STARTTLS on 25, one server',
      lang: 'en',
      prose: 'Exchange 2019 CU14, server EX19-01. A partner says our TLS chain has an expired certificate.',
      host: 'smtp.fabrikam.com',
      port: 25,
      servers: ['EX19-01'],
    },
    {
      name: 'STARTTLS on 25, Japanese',
      lang: 'ja',
      prose: 'Exchange 2019 CU14 の EXJ19-01 です。取引先から TLS のチェーンに期限切れの証明書があると言われました。',
      host: 'smtp.contoso.co.jp',
      port: 25,
      servers: ['EXJ19-01'],
    },
  ];
  for (const row of rows)
    it(`${row.lang}: ${row.name}`, () => {
      const d = diagnose(`${row.prose}\n\n${showcerts(row.host, row.port)}`, { now: NOW, lang: row.lang });
      const ids = d.steps.map((s) => s.id);
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      assert.ok(ids.includes('chain-install-renewed'), ids.join(','));
      assert.match(commands, new RegExp(`certcheck probe ${row.host.replaceAll('.', '\\.')}:${row.port}\\b`));
      const restart = row.port === 443 ? 'chain-restart-iis' : 'chain-restart';
      const other = row.port === 443 ? 'chain-restart' : 'chain-restart-iis';
      assert.ok(!ids.includes(other), ids.join(','));
      if (row.port === 443) assert.doesNotMatch(commands, /Restart-Service|:25\b/);
      else assert.doesNotMatch(commands, /iisreset|:443\b/);
      // One install and one restart on each server named.
      for (const server of row.servers) {
        const on = d.steps.filter((s) => s.server === server).map((s) => s.id);
        assert.ok(on.includes('chain-install-renewed') && on.includes(restart), `${server}: ${on.join(',')}`);
      }
      assert.equal(ids.filter((id) => id === restart).length, row.servers.length);
    });
});

describe('numbered servers of one name side by side in prose', () => {
  const rows: { text: string; names: string[] }[] = [
    { text: 'EX01/EX02 are 2019 CU14 behind a layer-4 LB.', names: ['EX01', 'EX02'] },
    { text: 'Both MBX-1 and MBX-2 show the same error.', names: ['MBX-1', 'MBX-2'] },
    { text: 'EXJ01・EXJ02 は L4 のロード バランサーの配下です。', names: ['EXJ01', 'EXJ02'] },
    { text: "Let's Encrypt switched from R10/R11 again.", names: [] },
    { text: 'DC01/DC02 were patched last night.', names: [] },
    { text: 'We went from CU14/CU15 and SHA1/SHA256 is fine.', names: [] },
  ];
  for (const row of rows)
    it(row.text, () => {
      assert.deepEqual(readProseServerNames(row.text), row.names);
    });
});

/**
 * A chain file pasted without any endpoint: the clients the admin says fail decide the service
 * reloaded and the port checked (iPhones, Outlook, OWA: IIS and 443; partners, queues: transport
 * and 25), on every server the prose names, and the check goes to the server certificate's name.
 */
describe('a pasted chain file is reloaded and checked where the admin says clients fail', () => {
  const fixture = readFileSync(
    new URL('../fixtures/corpus-extra/n01-e2019cu14-pem-chain-leaf-valid-intermediate-expired.txt', import.meta.url),
    'utf8',
  );
  const pem = fixture.slice(fixture.indexOf('-----BEGIN'), fixture.lastIndexOf('-----END CERTIFICATE-----') + 25);
  const rows: { name: string; lang: 'en' | 'ja'; prose: string; port: number; servers: string[] }[] = [
    {
      name: 'Mac Outlook and iPhones, two servers with a slash',
      lang: 'en',
      prose:
        'Mac Outlook + iPhones fail against mail.contoso.com. Exchange 2019 CU14, EX01/EX02 behind an L4 LB. Chain file:',
      port: 443,
      servers: ['EX01', 'EX02'],
    },
    {
      name: 'ActiveSync and browsers, one server',
      lang: 'en',
      prose: 'Exchange 2016 CU23, server EXCH01. ActiveSync devices and some browsers reject the chain. Here it is:',
      port: 443,
      servers: ['EXCH01'],
    },
    {
      name: 'スマートフォンとブラウザー, two servers',
      lang: 'ja',
      prose:
        'Exchange 2019 CU14（EXJ01、EXJ02）です。今朝からスマートフォンとブラウザーで証明書エラーになります。チェーン ファイル:',
      port: 443,
      servers: ['EXJ01', 'EXJ02'],
    },
    {
      name: 'partner mail in the queue',
      lang: 'en',
      prose: 'Exchange 2019 CU14, server EX19-01. Mail to a partner sits in the queue since this morning. Chain file:',
      port: 25,
      servers: ['EX19-01'],
    },
    {
      name: 'パートナーへのメールがキューに滞留',
      lang: 'ja',
      prose: 'Exchange 2019 CU14 の EXJ19-01 です。パートナー宛てのメールがキューに溜まっています。チェーン ファイル:',
      port: 25,
      servers: ['EXJ19-01'],
    },
  ];
  for (const row of rows)
    it(`${row.lang}: ${row.name}`, () => {
      const d = diagnose(`${row.prose}\n\n${pem}\n`, { now: NOW, lang: row.lang });
      const ids = d.steps.map((s) => s.id);
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      assert.ok(ids.includes('chain-install-renewed'), ids.join(','));
      assert.ok(!ids.some((id) => /new-request|self-signed/.test(id ?? '')), ids.join(','));
      assert.doesNotMatch(commands, /New-ExchangeCertificate|Remove-ExchangeCertificate/);
      const restart = row.port === 443 ? 'chain-restart-iis' : 'chain-restart';
      if (row.port === 443) {
        assert.match(commands, /certcheck probe mail\.contoso\.com:443\b/);
        assert.doesNotMatch(commands, /Restart-Service|:25\b/);
      } else assert.doesNotMatch(commands, /iisreset|:443\b/);
      for (const server of row.servers) {
        const on = d.steps.filter((s) => s.server === server).map((s) => s.id);
        assert.ok(on.includes('chain-install-renewed') && on.includes(restart), `${server}: ${on.join(',')}`);
        // Behind a load balancer, each server is probed by its own name on the failing port.
        if (row.servers.length > 1) assert.match(commands, new RegExp(`certcheck probe ${server}:${row.port}\\b`));
      }
    });
});

describe('the port whose clients the admin says fail', () => {
  const rows: { text: string; port: number | undefined }[] = [
    { text: 'Mac Outlook + iPhones started failing this morning', port: 443 },
    { text: 'OWA shows a certificate warning in every browser', port: 443 },
    { text: '今朝から iPhone とブラウザーで証明書の警告が出ます', port: 443 },
    { text: 'Outbound mail to partners is stuck in the queue', port: 25 },
    { text: 'パートナーからのメールが届かず、キューに溜まっています', port: 25 },
    { text: 'OWA is fine but partner mail sits in the queue', port: undefined },
    { text: 'The certificate expires next week.', port: undefined },
  ];
  for (const row of rows)
    it(row.text, () => {
      assert.equal(statedSymptomPort(row.text), row.port);
    });
});
