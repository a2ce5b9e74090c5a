import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// A server that sends its certificate without its issuer logged no event: the restart after the
// issuing CA is added names the services that answer on the SMTP ports, never "the event", and each
// outcome of the role question is labelled for that role.

const openssl = `$ openssl s_client -connect mx1.tailspintoys.com:25 -starttls smtp -servername mx1.tailspintoys.com
CONNECTED(00000003)
depth=0 C = US, O = Tailspin Toys, CN = mx1.tailspintoys.com
verify error:num=20:unable to get local issuer certificate
verify return:1
depth=0 C = US, O = Tailspin Toys, CN = mx1.tailspintoys.com
verify error:num=21:unable to verify the first certificate
verify return:1
---
Certificate chain
 0 s:C = US, O = Tailspin Toys, CN = mx1.tailspintoys.com
   i:C = US, O = DigiCert Inc, CN = DigiCert Global G2 TLS RSA SHA256 2020 CA1
   a:PKEY: rsaEncryption, 2048 (bit); sigalg: RSA-SHA256
   v:NotBefore: Nov 18 00:00:00 2026 GMT; NotAfter: Nov 17 23:59:59 2027 GMT
---
Server certificate
subject=C = US, O = Tailspin Toys, CN = mx1.tailspintoys.com
issuer=C = US, O = DigiCert Inc, CN = DigiCert Global G2 TLS RSA SHA256 2020 CA1
---
SSL-Session:
    Protocol  : TLSv1.2
    Verify return code: 21 (unable to verify the first certificate)
---
250 SMTPUTF8
`;

const role = `[PS] C:\\>Get-ExchangeServer EDGE-TT01 | fl Name,ServerRole,AdminDisplayVersion

Name                : EDGE-TT01
ServerRole          : Edge
AdminDisplayVersion : Version 15.2 (Build 1544.4)
`;

const english = {
  unknown: `Exchange 2019 CU14, EDGE-TT01. Partners say our chain is incomplete:\n\n${openssl}`,
  edge: `Partners say our chain is incomplete.\n\n${role}\n${openssl}`,
};
const japanese = {
  unknown: `Exchange 2019 CU14 の EDGE-TT01 です。相手先からチェーンが不完全と言われました。\n\n${openssl}`,
  edge: `相手先からチェーンが不完全と言われました。\n\n${role}\n${openssl}`,
};

const restarts = (d: Diagnosis) => d.steps.filter((s) => /Restart-Service/.test(s.command ?? ''));

for (const [language, pastes, event] of [
  ['English', english, /\bevent\b/i],
  ['Japanese', japanese, /イベント/],
] as const) {
  describe(`${language}: the restart after the issuing CA is added fits a change no event reported`, () => {
    it('on a server shown as an Edge: the Transport service, labelled Edge Transport', () => {
      const d = diagnose(pastes.edge, { now: REFERENCE_NOW });
      assert.ok(d.findings.some((f) => f.code === 'CHAIN_INCOMPLETE'));
      const [restart, ...more] = restarts(d);
      assert.equal(more.length, 0, more.map((s) => s.command).join());
      assert.equal(restart?.command, 'Restart-Service MSExchangeTransport');
      assert.equal(restart?.role, 'edge');
      assert.doesNotMatch(`${restart?.title} ${restart?.why ?? ''}`, event);
    });

    it('with the role not shown: each outcome has wording and a label of its own, none about an event', () => {
      const d = diagnose(pastes.unknown, { now: REFERENCE_NOW });
      const found = restarts(d);
      assert.equal(found.length, 2, found.map((s) => s.command).join('\n'));
      for (const step of found) assert.doesNotMatch(`${step.title} ${step.why ?? ''}`, event);
      const onEdge = found.find((s) => s.when === 'isEdge');
      const onMailbox = found.find((s) => s.when === '!isEdge');
      assert.equal(onEdge?.role, 'edge');
      assert.equal(onEdge?.command, 'Restart-Service MSExchangeTransport');
      assert.equal(onMailbox?.role, 'mailbox');
      assert.match(onMailbox?.command ?? '', /MSExchangeFrontEndTransport/);
    });
  });
}
