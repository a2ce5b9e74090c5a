import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// The internal transport certificate a 12023 cannot load is gone from the store: on 2013 and later
// it was most likely Setup's self-signed certificate, which Exchange Back End (444) is bound to too.
// The replacement takes over the 444 binding, after the step that shows it; 2010 has no Back End site.

const TP = '8B4EF198C7A7EA770718E83A41CA571E9101106B';
const event = (intro: string) => `${intro}

Log Name:      Application
Source:        MSExchangeTransport
Event ID:      12023
Level:         Warning
Computer:      EXCH2.tailspintoys.com
Description:
Microsoft Exchange could not load the certificate with thumbprint of ${TP} from the personal store on the local computer. This certificate was configured for authentication with other Exchange servers. Mail flow to other Exchange servers could be affected by this error. If the certificate with this thumbprint still exists in the personal store, run Enable-ExchangeCertificate ${TP} -services SMTP to resolve the issue. Otherwise, the certificate will be fallback to the server FQDN.
`;

const ROWS: { name: string; paste: string; lang?: 'ja'; backEnd: boolean }[] = [
  {
    name: 'Exchange 2016',
    paste: event('Exchange 2016 CU23, EXCH2 (Mailbox). Someone cleaned the store.'),
    backEnd: true,
  },
  {
    name: 'Exchange 2019, Japanese',
    paste: event('Exchange 2019 CU14 の EXCH2 です。証明書ストアを整理したらこのイベントが出ます。'),
    lang: 'ja',
    backEnd: true,
  },
  { name: 'Exchange 2010: no Back End site', paste: event('Exchange 2010 SP3 RU32, EXCH2 (Hub/CAS).'), backEnd: false },
];

describe('a 12023 whose certificate is gone rebinds Exchange Back End (444) to the replacement on 2013 and later', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const d = diagnose(row.paste, { now: REFERENCE_NOW, ...(row.lang && { lang: row.lang }) });
      const ids = d.steps.map((s) => s.id);
      assert.equal(ids.includes('rebind-backend-444-internal'), row.backEnd, ids.join(' '));
      if (!row.backEnd) return;
      // Shown first, rebound after the replacement exists, and only if it still names the lost certificate.
      assert.ok(ids.indexOf('show-backend-444') < ids.indexOf('rebind-backend-444-internal'));
      assert.ok(ids.indexOf('new-internal-self-signed') < ids.indexOf('rebind-backend-444-internal'));
      const rebind = d.steps.find((s) => s.id === 'rebind-backend-444-internal');
      assert.match(rebind?.title ?? '', new RegExp(TP));
    });
  }
});
