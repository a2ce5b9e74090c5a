import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// Remove-ExchangeCertificate refusing a certificate because it is the internal transport certificate
// says which certificate holds that role: the plan replaces it with a new self-signed one (Y) and
// removes it afterwards, without asking whether a CA issued it, and stays short enough to follow.

const OLD = '4B2A9C17E0D35F86A1C4E7B92D06F3A85C1E7D42';

const english = `Exchange 2016 CU23 (EX16-LA1). I tried to delete the expired self-signed certificate and it refuses.

[PS] C:\\Windows\\system32>Remove-ExchangeCertificate -Thumbprint ${OLD}
The internal transport certificate cannot be removed because that would cause the Microsoft Exchange Transport service to stop. To replace the internal transport certificate, create a new certificate. The new certificate will automatically become the internal transport certificate. You can then remove the existing certificate.
    + CategoryInfo          : InvalidOperation: (:) [Remove-ExchangeCertificate], InvalidOperationException
    + FullyQualifiedErrorId : [Server=EX16-LA1,RequestId=8e0f6c1d] [FailureCategory=Cmdlet-InvalidOperationException] 8A1F3E2B,Microsoft.Exchange.Management.SystemConfigurationTasks.RemoveExchangeCertificate

[PS] C:\\Windows\\system32>Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services NotAfter              Subject
----------                               -------- --------              -------
7D1E4F2A9B3C5D6E8F0A1B2C3D4E5F6A7B8C9D0E ...WS..  8/31/2027 8:59:59 AM  CN=mail.litware.com, O=Litware Inc, C=US
${OLD} IP.WS..  11/14/2026 10:05:33 AM CN=EX16-LA1
`;

const japanese = readFileSync(
  new URL('../fixtures/corpus-extra/w15-ja-e2016-remove-internal-transport-error.txt', import.meta.url),
  'utf8',
);

function assertReplacedThenRemoved(d: Diagnosis, server: string): void {
  const ids = d.steps.map((s) => s.id ?? '');
  // Exchange said it is the internal transport certificate: no branch on who issued it.
  assert.ok(!ids.some((id) => id.startsWith('ca-')), ids.join());
  assert.ok(!d.steps.some((s) => s.when === 'caIssued' || s.when === '!caIssued'));
  const made = d.steps.findIndex((s) => s.id === 'new-internal-self-signed');
  assert.ok(made >= 0, ids.join());
  assert.equal(d.steps[made]?.when, 'isInternalTransport');
  assert.equal(d.steps[made]?.server, server);
  const removal = d.steps.findIndex(
    (s) => s.id === 'remove-old' && s.command === `Remove-ExchangeCertificate -Thumbprint ${OLD}`,
  );
  assert.ok(removal > made, `made at ${made + 1}, removed at ${removal + 1}`);
}

describe('a removal refused because the certificate is the internal transport certificate', () => {
  it('English: replaced by a new self-signed certificate, then removed', () => {
    const d = diagnose(english, { now: REFERENCE_NOW });
    assertReplacedThenRemoved(d, 'EX16-LA1');
    assert.ok(d.steps.length <= 12, `${d.steps.length} steps`);
  });

  it('Japanese: 「内部トランスポート証明書を削除すると … 削除できません」 reads the same, next to an expired Auth certificate', () => {
    const d = diagnose(japanese, { now: REFERENCE_NOW });
    assertReplacedThenRemoved(d, 'EX16JP-01');
    assert.ok(d.steps.length <= 24, `${d.steps.length} steps`);
  });
});
