import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recognizeSymptoms } from '../../../src/core/recognize/symptoms.js';

// A send protocol log's "TLS negotiation failed with error UnknownCredentials" (the certificate the
// connector pins is not one it can use) is read like NoCredentials: the connector from the failing
// line itself, whatever its name, and the queue Get-Queue | fl shows.

const PASTE = `Identity         : EX16-MB01\\4187
Status           : Retry
LastError        : 451 4.4.0 Primary target IP address responded with: "421 4.4.1 Connection timed out."

2026-11-28T09:14:02.611Z,To Woodgrove Bank (TLS),08DE0F4A2C7B1E93,12,10.20.0.15:58213,198.51.100.40:25,<,250-STARTTLS,
2026-11-28T09:14:02.641Z,To Woodgrove Bank (TLS),08DE0F4A2C7B1E93,15,10.20.0.15:58213,198.51.100.40:25,*,,TLS negotiation failed with error UnknownCredentials
`;

describe('TLS negotiation failed with error UnknownCredentials', () => {
  it('names the connector of the failing line and the queue', () => {
    const symptom = (recognizeSymptoms(PASTE).symptoms ?? []).find((s) => s.id === 'tls-no-credentials');
    assert.equal(symptom?.values.sendConnector, 'To Woodgrove Bank (TLS)');
    assert.equal(symptom?.values.queue, 'EX16-MB01\\4187');
    assert.equal(symptom?.values.error, 'UnknownCredentials');
  });
  it('still reads NoCredentials on an Office 365 connector', () => {
    const text =
      '2026-11-28T09:14:02.641Z,Outbound to Office 365 - 1a2b,08DE0F4A2C7B1E93,15,10.0.0.1:1,52.0.0.1:25,*,,TLS negotiation failed with error NoCredentials';
    const symptom = (recognizeSymptoms(text).symptoms ?? []).find((s) => s.id === 'tls-no-credentials');
    assert.equal(symptom?.values.sendConnector, 'Outbound to Office 365 - 1a2b');
  });
});
