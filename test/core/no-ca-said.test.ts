import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { saysNoCaCertificate } from '../../src/core/facts/stated-no-ca.js';
import { readAdSite } from '../../src/core/recognize/prose-servers.js';

const NOW = new Date('2026-11-28T12:00:00Z');

/** openssl s_client -starttls smtp to an Edge presenting its expired self-signed certificate. */
const fixture = readFileSync(
  new URL('../fixtures/corpus-extra/n07-e2016cu23-edge-s-client-starttls-smtp-selfsigned-expired.txt', import.meta.url),
  'utf8',
);
const sClient = fixture.slice(fixture.indexOf('$ openssl'), fixture.indexOf('221 2.0.0') + 40);

/**
 * Port 25 presents a self-signed certificate and the admin says no CA-issued one exists: the plan
 * renews the self-signed certificate (and re-subscribes an Edge to the site the prose names) and
 * says partners that require TLS need a public CA certificate; it never enables a CA certificate.
 */
describe('no CA-issued certificate exists: none is enabled, one is said to be needed', () => {
  const rows: { name: string; lang: 'en' | 'ja'; prose: string; noCa: boolean; site?: string }[] = [
    {
      name: 'Edge, never bought a public cert, subscribed to site HQ',
      lang: 'en',
      prose:
        "EDGE01 (Exchange 2016 CU23 Edge Transport, subscribed to site HQ) stopped doing TLS. We never bought a public cert for the edge, it's always been the self-signed one.",
      noCa: true,
      site: 'HQ',
    },
    {
      name: 'Edge, there is no CA certificate, the AD site is Tokyo-DC',
      lang: 'en',
      prose:
        'Exchange 2016 CU23 Edge Transport EDGE01, the AD site is Tokyo-DC. There is no CA certificate on the Edge. Partners bounce us.',
      noCa: true,
      site: 'Tokyo-DC',
    },
    {
      name: 'エッジ、公的な証明書はありません、HQ サイト',
      lang: 'ja',
      prose:
        'Exchange 2016 CU23 のエッジ トランスポート サーバー EDGE01 です。HQ サイトにサブスクライブしています。公的な証明書はありません。',
      noCa: true,
      site: 'HQ',
    },
    {
      name: 'エッジ、ずっと自己署名',
      lang: 'ja',
      prose:
        'Exchange 2016 CU23 のエッジ トランスポート EDGE01 です。AD サイト「Osaka」。ずっと自己署名証明書で運用しています。',
      noCa: true,
      site: 'Osaka',
    },
    {
      name: 'Edge, nothing said about a CA certificate',
      lang: 'en',
      prose: 'EDGE01 is our Exchange 2016 CU23 Edge Transport, subscribed to site HQ. Partners bounce us.',
      noCa: false,
      site: 'HQ',
    },
  ];
  for (const row of rows)
    it(`${row.lang}: ${row.name}`, () => {
      const d = diagnose(`${row.prose}\n\n${sClient}\n`, { now: NOW, lang: row.lang });
      const ids = d.steps.map((s) => s.id);
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      const selfSigned = d.findings.find((f) => f.code === 'SELF_SIGNED');
      assert.ok(selfSigned, d.findings.map((f) => f.code).join(','));
      if (row.noCa) {
        assert.ok(!ids.includes('enable-smtp-ca'), ids.join(','));
        assert.doesNotMatch(commands, /Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services SMTP/);
        assert.match(selfSigned.message, /edge01\.tailspintoys\.com/);
        assert.match(selfSigned.message, row.lang === 'ja' ? /公的な CA/ : /public CA/);
        assert.doesNotMatch(selfSigned.message, /Enable the CA-issued|CA 発行の証明書を SMTP に割り当て、/);
      } else assert.ok(ids.includes('enable-smtp-ca'), ids.join(','));
      assert.match(commands, /New-ExchangeCertificate -DomainName edge01\.tailspintoys\.com,EDGE01 -Services SMTP/);
      if (row.site) assert.match(commands, new RegExp(`-Site '${row.site}'`));
      assert.doesNotMatch(commands, /<AD site>|<AD サイト>/);
      assert.match(commands, /certcheck probe edge01\.tailspintoys\.com:25\b/);
    });
});

describe('the admin saying no CA-issued certificate exists', () => {
  const rows: { text: string; said: boolean }[] = [
    { text: "We never bought a public cert for the edge, it's always been the self-signed one.", said: true },
    { text: "We don't have a commercial certificate for that box.", said: true },
    { text: 'エッジには公的な証明書はありません。', said: true },
    { text: '自己署名証明書しかありません。', said: true },
    { text: 'We bought a DigiCert certificate last year.', said: false },
    { text: 'The CA certificate expired.', said: false },
    { text: 'CA 発行の証明書を購入済みです。', said: false },
  ];
  for (const row of rows) it(row.text, () => assert.equal(saysNoCaCertificate(row.text), row.said));
});

describe('a one-word AD site in prose', () => {
  const rows: { text: string; site: string | undefined }[] = [
    { text: 'EDGE01 (Edge Transport in the DMZ, subscribed to site HQ).', site: 'HQ' },
    { text: 'Our AD site is HQ and the edge is EDGE01.', site: 'HQ' },
    { text: 'エッジは HQ サイトにサブスクライブしています。', site: 'HQ' },
    { text: 'AD サイト「Osaka」にサブスクライブ済み', site: 'Osaka' },
    { text: 'We have a web site for this.', site: undefined },
  ];
  for (const row of rows) it(row.text, () => assert.equal(readAdSite(row.text), row.site));
});
