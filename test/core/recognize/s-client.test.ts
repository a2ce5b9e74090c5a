import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizePaste } from '../../../src/core/normalize.js';
import type { Evidence, PresentedEndpoint } from '../../../src/core/recognize/evidence.js';
import { recognize } from '../../../src/core/recognize/index.js';
import { certFacts, certText } from '../../helpers/cert-fixtures.js';

const LEAF = certText('leaf-expiring-soon.pem').trim();
const CA = certText('ca.pem').trim();
const SESSION_ID = '3A1D0000B7C48E2F95D16A0C4E7B29F15D83A6C07E42B91F08D5C3A6E19B7420';
const MASTER_KEY = '9F2C61E0B84D37A15C09E6F2D8B14A7390C5E21F6D8A04B3C97E15F2A60D8B4C3E71F09A25D6C84B1E03F7A92C5D6E18';
/** 40 hex digits, as a session ID of that length would look: still not a thumbprint. */
const SESSION_40 = 'B7C48E2F95D16A0C4E7B29F15D83A6C07E42B91F';

const TAIL = `---
SSL handshake has read 2581 bytes and written 442 bytes
Verification error: certificate has expired
---
New, TLSv1.2, Cipher is ECDHE-RSA-AES256-GCM-SHA384
Server public key is 2048 bit
SSL-Session:
    Protocol  : TLSv1.2
    Cipher    : ECDHE-RSA-AES256-GCM-SHA384
    Session-ID: ${SESSION_ID}
    Session-ID-ctx:
    Master-Key: ${MASTER_KEY}
    Start Time: 1795852034
    Timeout   : 7200 (sec)
    Verify return code: 10 (certificate has expired)
---
250 SMTPUTF8
`;

/** OpenSSL 3 with -showcerts: the chain lines with a:/v:, each certificate's PEM below it. */
const SHOWCERTS_3 = `$ openssl s_client -connect owa.contoso.com:25 -starttls smtp -showcerts
CONNECTED(00000003)
depth=1 CN = Contoso Issuing CA
verify error:num=19:self-signed certificate in certificate chain
verify return:1
depth=0 CN = owa.contoso.com
verify return:1
---
Certificate chain
 0 s:CN = owa.contoso.com
   i:CN = Contoso Issuing CA
   a:PKEY: rsaEncryption, 2048 (bit); sigalg: RSA-SHA256
   v:NotBefore: Dec 10 00:00:00 2025 GMT; NotAfter: Dec 10 00:00:00 2026 GMT
${LEAF}
 1 s:CN = Contoso Issuing CA
   i:CN = Contoso Issuing CA
   a:PKEY: rsaEncryption, 2048 (bit); sigalg: RSA-SHA256
   v:NotBefore: May  1 00:00:00 2023 GMT; NotAfter: May  1 00:00:00 2033 GMT
${CA}
---
Server certificate
subject=CN = owa.contoso.com
issuer=CN = Contoso Issuing CA
${TAIL}`;

/** OpenSSL 1.0: slash-separated names, no v: lines, the leaf's PEM only. */
const OPENSSL_10 = `openssl s_client -connect mail.contoso.com:443
CONNECTED(00000003)
depth=0 /CN=owa.contoso.com
verify error:num=20:unable to get local issuer certificate
verify return:1
depth=0 /CN=owa.contoso.com
verify error:num=10:certificate has expired
notAfter=Dec 10 00:00:00 2026 GMT
verify return:1
---
Certificate chain
 0 s:/CN=owa.contoso.com
   i:/CN=Contoso Issuing CA
---
Server certificate
${LEAF}
subject=/CN=owa.contoso.com
issuer=/CN=Contoso Issuing CA
${TAIL}`;

/** Only the verify lines survived the copy (the rest scrolled away). */
const VERIFY_ONLY = `depth=0 CN = mail.adatum.com
verify error:num=10:certificate has expired
notAfter=Nov 20 23:59:59 2026 GMT
verify return:1`;

/** The admin tried by hand first: telnet to 25, EHLO, no STARTTLS offered. */
const TELNET = `C:\\> telnet mail.contoso.com 25
220 EX01.corp.contoso.com Microsoft ESMTP MAIL Service ready at Sat, 28 Nov 2026 07:12:44 +0000
EHLO test.example.org
250-EX01.corp.contoso.com Hello [198.51.100.7]
250-SIZE 37748736
250-PIPELINING
250-DSN
250-ENHANCEDSTATUSCODES
250-8BITMIME
250-BINARYMIME
250 CHUNKING
`;

interface Row {
  name: string;
  paste: string;
  want: Partial<PresentedEndpoint>;
  chain?: { subject: string; thumbprint?: string; notAfter?: string }[];
  check?: (evidence: Evidence) => void;
}

const ROWS: Row[] = [
  {
    name: 'OpenSSL 3, -starttls smtp -showcerts: the chain with thumbprints from its PEM blocks',
    paste: SHOWCERTS_3,
    want: { host: 'owa.contoso.com', port: 25, startTls: true, tlsVersion: 'TLSv1.2' },
    chain: [
      { subject: 'CN=owa.contoso.com', thumbprint: certFacts['leaf-expiring-soon']!.thumbprint },
      { subject: 'CN=Contoso Issuing CA', thumbprint: certFacts.ca!.thumbprint },
    ],
    check: (evidence) =>
      assert.deepEqual(evidence.endpoints?.[0]?.verifyErrors, [
        { num: 19, text: 'self-signed certificate in certificate chain', depth: 1 },
      ]),
  },
  {
    name: 'OpenSSL 1.0 names, -connect to 443: verify error 10 at depth 0',
    paste: OPENSSL_10,
    want: { host: 'mail.contoso.com', port: 443, startTls: null },
    chain: [{ subject: 'CN=owa.contoso.com', thumbprint: certFacts['leaf-expiring-soon']!.thumbprint }],
    check: (evidence) =>
      assert.deepEqual(
        evidence.endpoints?.[0]?.verifyErrors?.map((e) => [e.num, e.depth]),
        [
          [20, 0],
          [10, 0],
        ],
      ),
  },
  {
    name: 'CRLF, in a code fence',
    paste: `\`\`\`\n${SHOWCERTS_3.replace(/\n/g, '\r\n')}\`\`\``,
    want: { host: 'owa.contoso.com', port: 25 },
    chain: [
      { subject: 'CN=owa.contoso.com', thumbprint: certFacts['leaf-expiring-soon']!.thumbprint },
      { subject: 'CN=Contoso Issuing CA', thumbprint: certFacts.ca!.thumbprint },
    ],
  },
  {
    name: 'only the verify lines: the expiry still lands on the leaf',
    paste: VERIFY_ONLY,
    want: { verifyErrors: [{ num: 10, text: 'certificate has expired', depth: 0 }] },
    chain: [{ subject: 'CN=mail.adatum.com', notAfter: '2026-11-20' }],
  },
  {
    name: 'a telnet session: the banner names the server, STARTTLS is not offered',
    paste: TELNET,
    want: { bannerFqdn: 'EX01.corp.contoso.com', startTls: false },
    chain: [],
  },
  {
    name: "s_client that found no STARTTLS: didn't find starttls",
    paste: `openssl s_client -connect mail.contoso.com:25 -starttls smtp\nCONNECTED(00000003)\ndidn't find starttls in server response\n`,
    want: { host: 'mail.contoso.com', port: 25, startTls: false },
    chain: [],
  },
];

describe('openssl s_client', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const evidence = recognize(normalizePaste(row.paste));
      const endpoint = evidence.endpoints?.[0];
      assert.ok(endpoint, 'an endpoint');
      for (const [key, value] of Object.entries(row.want)) {
        assert.deepEqual(endpoint[key as keyof PresentedEndpoint], value, key);
      }
      assert.equal(endpoint.chain.length, row.chain?.length ?? endpoint.chain.length, JSON.stringify(endpoint.chain));
      row.chain?.forEach((want, index) => {
        const got = endpoint.chain[index]!;
        assert.equal(got.subject, want.subject);
        if (want.thumbprint) assert.equal(got.thumbprint, want.thumbprint);
        if (want.notAfter) assert.equal(got.notAfter?.slice(0, 10), want.notAfter);
      });
      const all = [...evidence.thumbprints.map((t) => t.value), ...evidence.certificates.map((c) => c.thumbprint)];
      assert.ok(
        !all.some((t) => t && (SESSION_ID.includes(t) || MASTER_KEY.includes(t))),
        'session secrets are no thumbprint',
      );
      row.check?.(evidence);
    });
  }

  it('a 40-digit Session-ID is not a thumbprint', () => {
    const evidence = recognize(normalizePaste(OPENSSL_10.replace(SESSION_ID, SESSION_40)));
    assert.ok(!evidence.thumbprints.some((t) => t.value === SESSION_40), JSON.stringify(evidence.thumbprints));
  });
});
