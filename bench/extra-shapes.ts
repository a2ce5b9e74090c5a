import type { PathologicalShape } from '../test/helpers/pathological-pastes.js';

/**
 * Shapes the bench adds to the recogniser tests' list: realistic text at scale (whole events
 * repeated, one endless line of words) and random base64 that looks like a certificate body.
 */

function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

const EVENT = `Log Name:      Application
Source:        MSExchangeTransport
Date:          11/27/2026 3:14:15 AM
Event ID:      12014
Task Category: TransportService
Level:         Error
Computer:      EX01.contoso.local
Description:
Microsoft Exchange could not find a certificate that contains the domain name mail.contoso.com in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector Default Frontend EX01 with a FQDN parameter of mail.contoso.com. If the connector's FQDN is not specified, the computer's FQDN is used. Verify the connector configuration and the installed certificates to make sure that there is a certificate with a domain name for that FQDN. If this certificate exists, run Enable-ExchangeCertificate -Services SMTP to make sure that the Microsoft Exchange Transport service has access to the certificate key.

`;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Deterministic pseudo-random base64 (a linear congruential generator): the same junk every run. */
function base64Junk(bytes: number, lineLength: number): string {
  let seed = 0x2545f491;
  let out = '';
  while (out.length < bytes) {
    let line = '';
    for (let i = 0; i < lineLength; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      line += BASE64[(seed >>> 16) & 63];
    }
    out += lineLength < bytes ? `${line}\n` : line;
  }
  return out.slice(0, bytes);
}

export const EXTRA_SHAPES: readonly PathologicalShape[] = [
  { name: 'repeated events (12014, full text)', make: (n) => repeatTo(EVENT, n) },
  {
    name: 'one long line of words',
    make: (n) => repeatTo('certificate thumbprint expired Exchange connector mail.contoso.com ', n),
  },
  { name: 'base64 junk (64-character lines)', make: (n) => base64Junk(n, 64) },
  { name: 'base64 junk (one line)', make: (n) => base64Junk(n, n) },
];
