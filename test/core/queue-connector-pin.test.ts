import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// 454 4.7.5 in a queue: the send connector to change is the one the queue names. A smart-host queue
// prints that connector's name, in lower case, as its NextHopDomain; the listing spells it as it is.
// A DNS queue's NextHopDomain is a domain and names no connector: the block then keeps its placeholder.

const queue = (
  deliveryType: string,
  nextHop: string,
) => `[PS] C:\\>Get-Queue -Server EX19A | fl Identity,DeliveryType,NextHopDomain,Status,MessageCount,LastError

Identity      : EX19A\\41
DeliveryType  : ${deliveryType}
NextHopDomain : ${nextHop}
Status        : Retry
MessageCount  : 37
LastError     : 451 4.4.395 Target host responded with error. -> 454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found.
`;
const listing = `[PS] C:\\>Get-SendConnector | fl Name,AddressSpaces,TlsCertificateName

Name               : Northwind Payroll Relay
AddressSpaces      : {SMTP:northwind-payroll.com;1}
TlsCertificateName : <I>CN=Old Issuing CA, O=Contoso<S>CN=mail.contoso.com

Name               : Fabrikam Bank TLS
AddressSpaces      : {SMTP:fabrikam-bank.com;1}
TlsCertificateName : <I>CN=Old Issuing CA, O=Contoso<S>CN=mail.contoso.com
`;
const questions = {
  en: 'Exchange 2019 CU15. Since the renewal, mail to our bank is stuck in the queue.',
  ja: 'Exchange 2019 CU15 です。証明書の更新後、銀行宛てのメールがキューに滞留しています。',
} as const;

describe('the send connector a failing queue names', () => {
  const cases = [
    [
      'smart-host queue and the listing',
      queue('SmartHostConnectorDelivery', 'fabrikam bank tls') + listing,
      "'Fabrikam Bank TLS'",
    ],
    [
      'smart-host queue alone',
      queue('SmartHostConnectorDelivery', 'northwind payroll relay'),
      "'northwind payroll relay'",
    ],
    ['DNS queue: a domain, no connector', queue('DnsConnectorDelivery', 'fabrikam-bank.com') + listing, undefined],
  ] as const;
  for (const language of ['en', 'ja'] as const)
    for (const [name, paste, want] of cases)
      it(`${language}: ${name}`, () => {
        const d = diagnose(`${questions[language]}\n\n${paste}`, { now: REFERENCE_NOW });
        assert.equal(d.language, language);
        // The one connector named in the block (a hybrid's own connectors are chosen by their known names).
        const set = d.steps.filter((s) => /Set-SendConnector '/.test(s.command ?? ''));
        assert.equal(set.length, 1, 'one connector changed by name');
        const receive = d.steps.map((s) => s.command ?? '').filter((c) => /Set-ReceiveConnector/.test(c));
        assert.ok(
          receive.every((c) => !/fabrikam|northwind/i.test(c)),
          `no receive connector by a send connector's name: ${receive}`,
        );
        const command = set[0]?.command ?? '';
        if (want) {
          assert.ok(command.includes(`Set-SendConnector ${want} -TlsCertificateName`), command);
          assert.ok(!/<connector name>|<コネクタ名>/.test(command), command);
        } else assert.ok(/Set-SendConnector '(?:<connector name>|<コネクタ名>)'/.test(command), command);
      });
});
