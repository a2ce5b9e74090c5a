/**
 * Pastes built to make a recogniser slow: each shape repeats what one of them looks for (or a
 * prefix of it) until the paste reaches the requested size. The scaling test and the benchmark both
 * use these, so that a shape found slow once stays measured.
 */

export interface PathologicalShape {
  name: string;
  /** A paste of exactly `bytes` characters (ASCII shapes: characters are bytes). */
  make: (bytes: number) => string;
}

function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/** Distinct 40-hex thumbprints, one per line (de-duplication must not compare each with all). */
function thumbprints(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const hex = (i * 2654435761 + 0x9e3779b9).toString(16).padStart(8, '0').toUpperCase().slice(-8);
    const line = `${hex}${'0123456789ABCDEF0123456789ABCDEF'}\n`;
    lines.push(line);
    size += line.length;
  }
  return lines.join('').slice(0, bytes);
}

export const PATHOLOGICAL_SHAPES: readonly PathologicalShape[] = [
  { name: 'newlines', make: (n) => repeatTo('\n', n) },
  { name: 'CRLF', make: (n) => repeatTo('\r\n', n) },
  { name: 'spaces', make: (n) => repeatTo(' ', n) },
  { name: 'tabs and newlines', make: (n) => repeatTo('\t \n', n) },
  { name: 'equals signs', make: (n) => repeatTo('=', n) },
  { name: 'equals lines', make: (n) => repeatTo('================\n', n) },
  { name: 'code fences', make: (n) => repeatTo('```', n) },
  { name: 'code fence lines', make: (n) => repeatTo('```\n', n) },
  { name: 'BEGIN without END', make: (n) => repeatTo('-----BEGIN CERTIFICATE-----\n', n) },
  { name: 'BEGIN on one line', make: (n) => repeatTo('-----BEGIN CERTIFICATE-----', n) },
  {
    name: 'base64 lines',
    make: (n) => repeatTo('MIIDZTCCAk2gAwIBAgIUW8AypwK3MDg4/unSB6KM5jtA/T0wDQYJKoZIhvcNAQEL\n', n),
  },
  { name: 'thumbprints', make: thumbprints },
  { name: 'hex digits', make: (n) => repeatTo('0123456789ABCDEF', n) },
  { name: 'colon pairs', make: (n) => repeatTo('AB:', n) },
  { name: 'labels', make: (n) => repeatTo('Thumbprint : \n', n) },
  { name: 'colons', make: (n) => repeatTo(':', n) },
  { name: 'event header lines', make: (n) => repeatTo('Event ID: 12014\n', n) },
  { name: 'event ids', make: (n) => repeatTo('12014 ', n) },
  {
    name: 'event message',
    make: (n) => repeatTo('Microsoft Exchange could not find a certificate that contains the domain name ', n),
  },
  {
    name: '12014 without its end',
    make: (n) => repeatTo("Microsoft Exchange couldn't find a certificate that contains the domain name <I>", n),
  },
  { name: 'pinned names', make: (n) => repeatTo('<I><S>', n) },
  { name: 'angle brackets', make: (n) => repeatTo('<', n) },
  { name: 'XML events', make: (n) => repeatTo('<Event><System><EventID>12014</EventID>', n) },
  {
    name: 'friendly view',
    make: (n) => repeatTo('- System \n  - Provider \n   [ Name]  MSExchangeTransport \n  - EventID 12014 \n', n),
  },
  { name: 'friendly view brackets', make: (n) => repeatTo('[ ', n) },
  { name: 'dashes', make: (n) => repeatTo('-', n) },
  { name: 'table rules', make: (n) => repeatTo('---- ----\n', n) },
  {
    name: 's_client depth lines',
    make: (n) => repeatTo('depth=0 CN = mail.contoso.com\nverify error:num=10:certificate has expired\n', n),
  },
  { name: 's_client chain lines', make: (n) => repeatTo(' 0 s:CN = a\n   i:CN = b\n', n) },
  { name: 'openssl Certificate lines', make: (n) => repeatTo('Certificate:\n    Data:\n', n) },
  { name: 'certutil markers', make: (n) => repeatTo('================ Certificate 0 ================\n', n) },
  { name: 'HealthChecker certificates', make: (n) => repeatTo('\tCertificate: \n\t\tThumbprint: \n', n) },
  { name: 'list records', make: (n) => repeatTo('Name : x\n', n) },
  { name: 'connector names', make: (n) => repeatTo('Default Frontend ', n) },
  { name: 'netsh lines', make: (n) => repeatTo('    IP:port                      : 0.0.0.0:444\n', n) },
  { name: 'version words', make: (n) => repeatTo('Exchange 2016 CU', n) },
  { name: 'NUL characters', make: (n) => repeatTo('\u0000', n) },
  { name: 'Japanese', make: (n) => repeatTo('証明書', n) },
];
