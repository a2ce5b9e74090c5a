import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// A renewal never leaves what the old certificate served on a deleted one: the old certificate goes
// only after the 443 binding is shown off it (or the paste settles it), and the renewal is enabled for
// the old one's own services, never for the ones a port-25 probe or an SMTP event happens to show.

const run = (text: string) => diagnose(text, { now: REFERENCE_NOW });
const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
const ids = (d: Diagnosis) => d.steps.map((s) => s.id);
const at = (d: Diagnosis, id: string) => ids(d).indexOf(id);

const event12016 = (question: string) => `${question}

Log Name:      Application
Source:        MSExchangeFrontEndTransport
Date:          11/27/2026 7:15:02 AM
Event ID:      12016
Task Category: TransportService
Level:         Error
Computer:      EX16-01.corp.contoso.com
Description:
There is no valid SMTP Transport Layer Security (TLS) certificate for the FQDN of mail.contoso.com. The existing certificate for that FQDN has expired. The continued use of that FQDN will cause mail flow problems. A new certificate that contains the FQDN of mail.contoso.com should be installed on this server as soon as possible. You can create a new certificate by using the New-ExchangeCertificate task.
`;

const listing = (question: string, services: string) => `${question}

[PS] C:\\>Get-ExchangeServer EX16-01 | fl Name,ServerRole,AdminDisplayVersion

Name                : EX16-01
ServerRole          : Mailbox
AdminDisplayVersion : Version 15.1 (Build 2507.6)

[PS] C:\\>Get-ExchangeCertificate | fl Subject,Issuer,CertificateDomains,NotAfter,IsSelfSigned,Services,Thumbprint

Subject            : CN=smtp.contoso.com, O=Contoso, C=US
Issuer             : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
CertificateDomains : {smtp.contoso.com}
NotAfter           : 11/20/2026 11:59:59 PM
IsSelfSigned       : False
Services           : ${services}
Thumbprint         : 3C5D7E9F1A2B4C6D8E0F1A3B5C7D9E1F2A4B6C8D
`;

interface Case {
  name: string;
  paste: string;
  lang: 'en' | 'ja';
  /** The old certificate's thumbprint, when the paste gives it. */
  old?: string;
  /** Whether the paste leaves open what 443 serves, so the binding must be shown before the removal. */
  shows443: boolean;
}

const CASES: Case[] = [
  {
    name: '12016, the thumbprint in the question, services not listed',
    lang: 'en',
    paste: event12016('Exchange 2016 CU23. The expired one is 83FB38534351479FF37A24E7CBF9352899C14AFA from DigiCert.'),
    old: '83FB38534351479FF37A24E7CBF9352899C14AFA',
    shows443: true,
  },
  {
    name: '12016 with a Japanese question',
    lang: 'ja',
    paste: event12016(
      'Exchange 2016 CU23 です。期限切れの証明書は 83FB38534351479FF37A24E7CBF9352899C14AFA (DigiCert) です。どう更新しますか？',
    ),
    old: '83FB38534351479FF37A24E7CBF9352899C14AFA',
    shows443: true,
  },
  {
    name: 'openssl on port 25: an expired CA leaf',
    lang: 'en',
    paste: fixture('corpus/t12-openssl-starttls-smtp-expired-ca.txt'),
    shows443: true,
  },
  {
    name: 'openssl on port 25 with a Japanese question',
    lang: 'ja',
    paste: fixture('corpus-extra/v16-ja-e2019cu14-openssl-starttls-leaf-expired.txt'),
    old: '6F12D394246DF66224D1D7DCE1B3D4CB32D598D0',
    shows443: true,
  },
  {
    name: 'a listing that shows the old certificate never enabled for IIS',
    lang: 'en',
    paste: listing('EX16-01: smtp.contoso.com expired, how do I renew it?', 'SMTP'),
    old: '3C5D7E9F1A2B4C6D8E0F1A3B5C7D9E1F2A4B6C8D',
    shows443: false,
  },
  {
    name: 'the same listing with a Japanese question',
    lang: 'ja',
    paste: listing('EX16-01 の smtp.contoso.com が期限切れです。更新手順を教えてください。', 'SMTP'),
    old: '3C5D7E9F1A2B4C6D8E0F1A3B5C7D9E1F2A4B6C8D',
    shows443: false,
  },
];

describe('the old certificate goes only once 443 is shown off it', () => {
  for (const c of CASES) {
    it(`${c.name} (${c.lang})`, () => {
      const d = run(c.paste);
      assert.equal(d.language, c.lang);
      const removal = d.steps.findIndex((s) => /Remove-ExchangeCertificate/.test(s.command ?? ''));
      assert.ok(removal >= 0, `no removal in ${ids(d).join()}`);
      if (c.old) assert.match(d.steps[removal]?.command ?? '', new RegExp(c.old));
      const shown = d.steps.findIndex((s) => s.id === 'show-iis-binding' || s.id === 'show-iis-binding-2007');
      const moved = at(d, 'iis-to-new-before-remove');
      if (c.shows443) {
        assert.ok(shown >= 0 && shown < removal, `443 shown at ${shown}, removal at ${removal}`);
        assert.ok(moved > shown && moved < removal, `IIS moved at ${moved}`);
        // The move is a named outcome of what the binding shows, never unconditional.
        assert.ok(d.steps[moved]?.when, 'the move to the new certificate stands under a condition');
        assert.match(d.steps[moved]?.command ?? '', /-Services IIS/);
      } else {
        assert.equal(moved, -1, 'the paste shows the old certificate never served IIS');
      }
    });
  }
});

describe('the renewal is enabled for what the old certificate had, not for what a port or an event shows', () => {
  for (const c of CASES.filter((x) => x.shows443)) {
    it(`${c.name} (${c.lang})`, () => {
      const d = run(c.paste);
      const enables = d.steps.filter((s) =>
        /Enable-ExchangeCertificate -Thumbprint <[^>]+> -Services/.test(s.command ?? ''),
      );
      assert.ok(enables.length > 0, ids(d).join());
      // The CA renewal reads the services from the old certificate on the server.
      assert.ok(at(d, 'ca-enable-as-old') >= 0, ids(d).join());
      assert.ok(!ids(d).includes('ca-enable-smtp'), 'no renewal enabled for SMTP alone');
      assert.doesNotMatch(
        d.steps.map((s) => s.title).join('\n'),
        /the services the old one had \(SMTP\)|古い証明書と同じサービス \(SMTP\)/,
      );
    });
  }
});
