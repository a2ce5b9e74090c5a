import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// A queue toward the Edge that fails with "451 5.7.3 Cannot achieve Exchange Server authentication"
// (the Edge's certificate was renewed on the Edge): a new subscription, made on the Edge, imported on
// the Mailbox server that holds the queue for its site, synchronised, then the queue retried.

const queue = (
  server: string,
  deliveryType: string,
  nextHop: string,
) => `[PS] C:\\>Get-Queue | ? {$_.MessageCount -gt 0} | fl Identity,DeliveryType,Status,MessageCount,NextHopDomain,LastError

Identity      : ${server}\\27
DeliveryType  : ${deliveryType}
Status        : Retry
MessageCount  : 1184
NextHopDomain : ${nextHop}
LastError     : 451 4.4.0 Primary target IP address responded with: "451 5.7.3 Cannot achieve Exchange Server authentication." Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts. The last endpoint attempted was 10.20.0.15:25
`;

const CASES = [
  {
    lang: 'en',
    text: `Exchange 2016 CU23. I renewed the cert on our Edge yesterday, since then nothing goes out.\n\n${queue('MBX-7', 'SmtpRelayWithinAdSiteToEdge', 'edgesync - tokyo-hq to internet')}`,
    server: 'MBX-7',
    site: 'tokyo-hq',
  },
  {
    lang: 'ja',
    text: `Exchange 2019 CU14 です。昨日エッジの証明書を作り直してから外にメールが出ません。\n\n${queue('EXJ-MB2', 'SmtpRelayWithinAdSiteToEdge', 'edgesync - osaka to internet')}`,
    server: 'EXJ-MB2',
    site: 'osaka',
  },
] as const;

describe('a queue to the Edge that fails Exchange Server authentication', () => {
  for (const c of CASES) {
    it(c.lang, () => {
      const d = diagnose(c.text, { now: REFERENCE_NOW });
      assert.equal(d.language, c.lang);
      assert.ok(d.findings.some((f) => f.code === 'EDGE_SUBSCRIPTION_STALE'));
      assert.ok(!d.findings.some((f) => f.code === 'UNRECOGNIZED_INPUT'));
      const at = (pattern: RegExp) => d.steps.findIndex((s) => pattern.test(s.command ?? ''));
      const made = at(/New-EdgeSubscription -FileName/);
      const imported = at(/New-EdgeSubscription -FileData/);
      const synced = at(/Start-EdgeSynchronization/);
      const retried = at(/Retry-Queue/);
      assert.ok(
        made >= 0 && made < imported && imported < synced && synced < retried,
        `${made} ${imported} ${synced} ${retried}`,
      );
      assert.equal(d.steps[made]?.server, undefined, 'the Edge is not the Mailbox server');
      assert.equal(d.steps[imported]?.server, c.server);
      assert.match(d.steps[imported]?.command ?? '', new RegExp(`-Site '${c.site}'`));
      assert.match(d.steps[retried]?.command ?? '', new RegExp(`${c.server}\\\\27`));
      // Nothing about the certificate itself changes: the renewal on the Edge was right.
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      assert.doesNotMatch(commands, /Remove-ExchangeCertificate|-GenerateRequest|-Services IIS/);
    });
  }
  it('is not said of the same words on a queue between Mailbox servers', () => {
    const d = diagnose(queue('MBX-7', 'SmtpRelayToMailboxDeliveryGroup', 'dag01'), { now: REFERENCE_NOW });
    assert.ok(!d.findings.some((f) => f.code === 'EDGE_SUBSCRIPTION_STALE'));
    assert.ok(!d.steps.some((s) => /New-EdgeSubscription/.test(s.command ?? '')));
  });
});
