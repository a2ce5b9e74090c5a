import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { replyModel } from '../../src/slack/view/reply-model.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const LISTING = `Get-ExchangeCertificate -Thumbprint 924DAECB7AABDDF11B64EE073A493799D4F2BF9A | fl

CertificateDomains : {*.mueller-bau.de, mueller-bau.de}
IsSelfSigned       : False
Issuer             : CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US
NotAfter           : 12/18/2026 1:59:59 PM
Services           : IMAP, POP, IIS, SMTP
Status             : Valid
Subject            : CN=*.mueller-bau.de
Thumbprint         : 924DAECB7AABDDF11B64EE073A493799D4F2BF9A
`;
const version = (rows: string[]) =>
  `Get-ExchangeServer | ft Name,AdminDisplayVersion\n\nName   AdminDisplayVersion\n----   -------------------\n${rows.join('\n')}\n`;

/** The reply words the release the paste shows (15.2 is 2019 or SE by its build), never only its family. */
describe('the version a reply names is the one the paste shows', () => {
  const rows: { name: string; paste: string; en: string; ja: string; slack: Record<'en' | 'ja', string> }[] = [
    {
      name: '15.2 with a 2019 build',
      paste: `${LISTING}\n${version(['EXDE01 Version 15.2 (Build 1544.4)'])}`,
      en: 'Exchange 2019, judging by the paste.',
      ja: '貼り付けの内容から Exchange 2019 と判断しました。',
      slack: { en: 'Exchange 2019', ja: 'Exchange 2019' },
    },
    {
      name: '15.2 with an SE build',
      paste: `${LISTING}\n${version(['EXSE01 Version 15.2 (Build 2562.17)'])}`,
      en: 'Exchange SE, judging by the paste.',
      ja: '貼り付けの内容から Exchange SE と判断しました。',
      slack: { en: 'Exchange SE', ja: 'Exchange SE' },
    },
    {
      name: '15.1',
      paste: `${LISTING}\n${version(['EX16 Version 15.1 (Build 2507.6)'])}`,
      en: 'Exchange 2016, judging by the paste.',
      ja: '貼り付けの内容から Exchange 2016 と判断しました。',
      slack: { en: 'Exchange 2016', ja: 'Exchange 2016' },
    },
    {
      name: 'two releases of one family',
      paste: `${LISTING}\n${version(['EX16 Version 15.1 (Build 2507.6)', 'EX19 Version 15.2 (Build 1544.4)'])}`,
      en: 'Exchange 2013 or later, judging by the paste.',
      ja: '貼り付けの内容から Exchange 2013 以降 と判断しました。',
      slack: { en: 'Exchange 2013+', ja: 'Exchange 2013 以降' },
    },
  ];
  for (const row of rows) {
    for (const lang of ['en', 'ja'] as const) {
      it(`${row.name} (${lang})`, () => {
        const d = diagnose(row.paste, { now: NOW, lang });
        assert.ok(d.notes.includes(row[lang]), d.notes.join('\n'));
        // The Slack reply's context line names the same release.
        assert.ok(replyModel(d, { now: NOW }).facts.endsWith(row.slack[lang]), replyModel(d, { now: NOW }).facts);
        // A step for the version the paste shows does not say "Exchange 2013 and later:" first.
        for (const step of d.steps) assert.doesNotMatch(step.title, /^Exchange 2013 (and later|以降):/);
      });
    }
  }
});
