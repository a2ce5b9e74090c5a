import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeServiceLetters } from '../../../src/core/recognize/exchange-services.js';
import { recognizeExchangeTable } from '../../../src/core/recognize/exchange-table.js';
import { corpusText } from '../../helpers/cert-fixtures.js';

describe('decodeServiceLetters', () => {
  const rows: { name: string; input: string; want: ReturnType<typeof decodeServiceLetters> }[] = [
    { name: '7: default 2013+ certificate', input: 'IP.WS..', want: ['IMAP', 'POP', 'IIS', 'SMTP'] },
    { name: '7: Auth certificate', input: '....S..', want: ['SMTP'] },
    { name: '7: none (WMSvc)', input: '.......', want: [] },
    {
      name: '7: everything',
      input: 'IPUWSFC',
      want: ['IMAP', 'POP', 'UM', 'IIS', 'SMTP', 'Federation', 'UMCallRouter'],
    },
    { name: '6: Exchange 2010', input: 'IP.WS.', want: ['IMAP', 'POP', 'IIS', 'SMTP'] },
    { name: '6: federation', input: '.....F', want: ['Federation'] },
    { name: '5: Exchange 2007', input: 'IP.WS', want: ['IMAP', 'POP', 'IIS', 'SMTP'] },
    { name: 'letter in the wrong place', input: 'PI.WS..', want: undefined },
    { name: 'too short', input: 'IP.W', want: undefined },
    { name: 'one unset flag more than there are letters', input: 'IP.WS...', want: ['IMAP', 'POP', 'IIS', 'SMTP'] },
    { name: 'too long', input: 'IP.WS....', want: undefined },
    { name: 'a letter past the last flag', input: 'IP.WS..S', want: undefined },
  ];
  for (const row of rows) it(row.name, () => assert.deepEqual(decodeServiceLetters(row.input), row.want));
});

describe('recognizeExchangeTable', () => {
  it('s17: four rows, services decoded, no dates', () => {
    const evidence = recognizeExchangeTable(corpusText('s17-get-exchangecertificate-table.txt'));
    const certs = evidence.certificates ?? [];
    assert.deepEqual(
      certs.map((cert) => [cert.thumbprint, cert.services, cert.role]),
      [
        ['74F52319E499F8C91B3568EBCC996C64985B9C94', ['IIS', 'SMTP'], undefined],
        ['87A0A4EF50894F96B746AEF1F00A93344C2867FC', ['SMTP'], 'auth'],
        ['2747582B9132F38EB2A0BE075A1C964195851AF1', ['IMAP', 'POP', 'IIS', 'SMTP'], undefined],
        ['55D440B852D16C412EF16582E6D066287AE9F560', [], 'wmsvc'],
      ],
    );
    assert.ok(certs.every((cert) => cert.notAfter === undefined && cert.source === 'exchange-table'));
    assert.equal(certs[0]?.subject, 'CN=mail.contoso.com, O=Contoso Ltd, L=Redmond, S=Washington, C=US');
    assert.deepEqual(certs[0]?.domains, ['mail.contoso.com']);
    assert.deepEqual(certs[1]?.domains, []);
    assert.deepEqual(evidence.versionHints, [
      { version: '2013+', reason: 'services-7' },
      { version: '2013+', reason: 'auth-certificate' },
    ]);
  });

  const rows: { name: string; input: string; want: { thumbprint: string; services: string[] }[]; hint?: string }[] = [
    {
      name: '6 letters (2010), CRLF',
      input:
        'Thumbprint                                Services   Subject\r\n----------                                --------   -------\r\n0A1B2C3D4E5F60718293A4B5C6D7E8F901234567  IP.WS.     CN=EX2010\r\n',
      want: [{ thumbprint: '0A1B2C3D4E5F60718293A4B5C6D7E8F901234567', services: ['IMAP', 'POP', 'IIS', 'SMTP'] }],
      hint: '2010',
    },
    {
      name: '5 letters (2007)',
      input:
        'Thumbprint                                Services   Subject\n----------                                --------   -------\n0A1B2C3D4E5F60718293A4B5C6D7E8F901234567  ....S      CN=EDGE07\n',
      want: [{ thumbprint: '0A1B2C3D4E5F60718293A4B5C6D7E8F901234567', services: ['SMTP'] }],
      hint: '2007',
    },
    {
      name: 'rows without the header, spaces squeezed by Slack',
      input: '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567 .....F. CN=Federation',
      want: [{ thumbprint: '0A1B2C3D4E5F60718293A4B5C6D7E8F901234567', services: ['Federation'] }],
      hint: '2013+',
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const evidence = recognizeExchangeTable(row.input);
      assert.deepEqual(
        evidence.certificates?.map((cert) => ({ thumbprint: cert.thumbprint, services: cert.services })),
        row.want,
      );
      if (row.hint) assert.equal(evidence.versionHints?.[0]?.version, row.hint);
    });
  }

  it('ft with NotAfter: dates read per row', () => {
    const input = [
      'Thumbprint                                Services             NotAfter              Subject',
      '----------                                --------             --------              -------',
      '74F52319E499F8C91B3568EBCC996C64985B9C94  IIS, SMTP            12/18/2026 11:59:59 PM CN=mail.contoso.com',
      '2747582B9132F38EB2A0BE075A1C964195851AF1  IMAP, POP, IIS, SMTP 8/6/2026 6:56:14 AM   CN=EX2016',
    ].join('\n');
    const certs = recognizeExchangeTable(input).certificates ?? [];
    assert.deepEqual(
      certs.map((cert) => [cert.notAfter, cert.services, cert.subject]),
      [
        ['2026-12-18T23:59:59.000Z', ['IIS', 'SMTP'], 'CN=mail.contoso.com'],
        ['2026-08-06T06:56:14.000Z', ['IMAP', 'POP', 'IIS', 'SMTP'], 'CN=EX2016'],
      ],
    );
  });

  const nothing = [
    { name: 'a thumbprint alone', input: '2747582B9132F38EB2A0BE075A1C964195851AF1' },
    { name: 'fl output', input: corpusText('s18-fl-expired-default-cert.txt') },
    { name: 'a Services string that is not one', input: '2747582B9132F38EB2A0BE075A1C964195851AF1  hello   CN=x' },
    { name: '1 MiB of junk rows', input: `${'A'.repeat(40)}  IP.WS..    `.repeat(20_000) },
  ];
  for (const row of nothing) {
    it(`finds nothing in ${row.name}`, () => {
      const started = performance.now();
      assert.deepEqual(recognizeExchangeTable(row.input).certificates ?? [], []);
      assert.ok(performance.now() - started < 1000);
    });
  }
});
