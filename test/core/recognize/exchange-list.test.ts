import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParsedCertificate } from '../../../src/core/recognize/evidence.js';
import { recognizeExchangeList } from '../../../src/core/recognize/exchange-list.js';
import { corpusText } from '../../helpers/cert-fixtures.js';

type Want = Partial<ParsedCertificate>;

describe('recognizeExchangeList: the corpus fl pastes', () => {
  const rows: { name: string; input: string; want: Want }[] = [
    {
      name: 's18 en-US, expired Setup certificate',
      input: corpusText('s18-fl-expired-default-cert.txt'),
      want: {
        thumbprint: '2747582B9132F38EB2A0BE075A1C964195851AF1',
        subject: 'CN=EX2016',
        domains: ['EX2016', 'EX2016.corp.contoso.com'],
        notAfter: '2026-08-06T06:56:14.000Z',
        notBefore: '2021-08-06T06:56:14.000Z',
        services: ['IMAP', 'POP', 'IIS', 'SMTP'],
        selfSigned: true,
        keySize: 2048,
        status: 'DateInvalid',
        rootCAType: 'Registry',
        role: 'exchange-self-signed',
        source: 'exchange-list',
      },
    },
    {
      name: 's19 ja dates, Auth certificate',
      input: corpusText('s19-ja-auth-cert-fl-authconfig.txt'),
      want: {
        thumbprint: '1D125D33C20706DFFDEF39D92D8AAB5E91B75535',
        notAfter: '2026-12-25T11:11:40.000Z',
        domains: [],
        services: ['SMTP'],
        role: 'auth',
      },
    },
    {
      name: 's20 de dates, RevocationCheckFailure',
      input: corpusText('s20-fl-de-revocation-check-failure.txt'),
      want: {
        thumbprint: '16580057653F522DF6EB27523F531720A3658AC9',
        issuer: 'CN=Contoso Issuing CA 01, DC=corp, DC=contoso, DC=de',
        notAfter: '2027-03-14T09:12:44.000Z',
        status: 'RevocationCheckFailure',
        selfSigned: false,
        role: 'ca-issued',
        serialNumber: '6F0000A0FD91CD4593FAA8FF50AC14CB04BD9B',
      },
    },
    {
      name: 's21 PendingRequest keeps its status; Services None is no service',
      input: corpusText('s21-fl-pending-request.txt'),
      want: {
        status: 'PendingRequest',
        services: [],
        domains: ['mail.contoso.com', 'autodiscover.contoso.com'],
        notAfter: '2027-11-20T15:14:09.000Z',
      },
    },
    {
      name: 's25 Exchange 2007 Edge',
      input: corpusText('s25-e2007-edge-fl-expired.txt'),
      want: {
        thumbprint: 'B6BD9F1EF9F6D684423EDE00E708C6C0C4C64D7C',
        notAfter: '2009-03-11T16:27:51.000Z',
        domains: ['EDGE07', 'edge07.dmz.contoso.com'],
      },
    },
  ];
  for (const row of rows) {
    for (const variant of ['LF', 'CRLF'] as const) {
      it(`${row.name} (${variant})`, () => {
        const input = variant === 'CRLF' ? row.input.replace(/\n/g, '\r\n') : row.input;
        const evidence = recognizeExchangeList(input);
        assert.equal(evidence.certificates?.length, 1);
        const cert = evidence.certificates![0]!;
        for (const [key, value] of Object.entries(row.want)) assert.deepEqual(cert[key as keyof Want], value, key);
        assert.deepEqual(evidence.notes, []);
      });
    }
  }

  it('s19: Get-AuthConfig fields, with the empty ones left out', () => {
    const evidence = recognizeExchangeList(corpusText('s19-ja-auth-cert-fl-authconfig.txt'));
    assert.deepEqual(evidence.authConfig, { currentThumbprint: '1D125D33C20706DFFDEF39D92D8AAB5E91B75535' });
    assert.deepEqual(evidence.versionHints, [{ version: '2013+', reason: 'auth-certificate' }]);
  });

  it('s25: a C:\\Documents and Settings prompt hints Windows 2003, so Exchange 2007', () => {
    assert.deepEqual(recognizeExchangeList(corpusText('s25-e2007-edge-fl-expired.txt')).versionHints, [
      { version: '2007', reason: 'w2003-prompt', strength: 'strong' },
    ]);
  });
});

const flStar = `[PS] C:\\Windows\\system32>Get-ExchangeCertificate | fl *

AccessRules              : {System.Security.AccessControl.CryptoKeyAccessRule,
                           System.Security.AccessControl.CryptoKeyAccessRule}
CertificateDomains       : {Federation}
HasPrivateKey            : True
IsSelfSigned             : True
Issuer                   : CN=Federation
NotAfter                 : 3/1/2027 10:00:00 AM
NotBefore                : 3/1/2022 10:00:00 AM
PublicKeySize            : 2048
RootCAType               : None
SerialNumber             : 5A2C
Services                 : Federation
Status                   : Valid
Subject                  : CN=Federation
Thumbprint               : 0A1B2C3D4E5F60718293A4B5C6D7E8F901234567
FriendlyName             : Exchange Delegation Federation
Identity                 : EX2010.contoso.com\\0A1B2C3D4E5F60718293A4B5C6D7E8F901234567
IISServices              : {}
ServicesStringForm       : .....F
SignatureAlgorithm       : sha1RSA
RawData                  : {48, 130, 3, 1, 48, 130, 1, 233, 160, 3, 2, 1, 2, 2, 16, 90, 44, 251, 225, 157, 183, 230, 97,
                           116, 139, 77, 62, 166, 196, 180, 56, 48, 13, 6, 9, 42, 134, 72, 134, 247, 13, 1, 1, 5, 5…}

AccessRules              :
CertificateDomains       : {EX2010, EX2010.contoso.com}
IsSelfSigned             : True
Issuer                   : CN=EX2010
NotAfter                 : 5/6/2030 9:00:00 AM
NotBefore                : 5/6/2025 9:00:00 AM
Services                 : IMAP, POP, UM, IIS, SMTP, UMCallRouter
Subject                  : CN=EX2010
Thumbprint               : 1111111111111111111111111111111111111111
`;

describe('recognizeExchangeList: fl * with several certificates', () => {
  const evidence = recognizeExchangeList(flStar);

  it('reads both records, with wrapped values joined', () => {
    assert.deepEqual(
      evidence.certificates?.map((cert) => cert.thumbprint),
      ['0A1B2C3D4E5F60718293A4B5C6D7E8F901234567', '1111111111111111111111111111111111111111'],
    );
  });

  it('fills the fl * extras: friendly name, signature hash, role', () => {
    const [federation] = evidence.certificates ?? [];
    assert.equal(federation?.friendlyName, 'Exchange Delegation Federation');
    assert.equal(federation?.signatureHash, 'SHA1');
    assert.equal(federation?.role, 'federation');
    assert.deepEqual(federation?.services, ['Federation']);
  });

  it('maps every service name', () => {
    assert.deepEqual(evidence.certificates?.[1]?.services, ['IMAP', 'POP', 'UM', 'IIS', 'SMTP', 'UMCallRouter']);
  });

  it('takes the server from Identity and version hints from services', () => {
    assert.deepEqual(evidence.servers, ['EX2010.contoso.com']);
    assert.deepEqual(evidence.versionHints, [
      { version: '2010', reason: 'federation-service' },
      { version: '2010', reason: 'services-6' },
      { version: '2013+', reason: 'umcallrouter-service' },
    ]);
  });
});

describe('recognizeExchangeList: odd output', () => {
  it('empty Thumbprint and Subject (serialization signing broken) is a note', () => {
    const input =
      'CertificateDomains : {}\nIssuer             :\nNotAfter           : 1/2/2027 1:00:00 PM\nServices           :\nStatus             :\nSubject            :\nThumbprint         :\n';
    const evidence = recognizeExchangeList(input);
    assert.equal(evidence.notes?.[0]?.code, 'empty-exchange-fields');
    assert.equal(evidence.certificates?.[0]?.thumbprint, undefined);
  });

  it('an ambiguous date pair is flagged on the certificate and in a note', () => {
    const input = `Subject    : CN=mail.contoso.com\nNotAfter   : 06/08/2026 06:56:14\nNotBefore  : 06/08/2024 06:56:14\nThumbprint : ${'AB'.repeat(20)}\n`;
    const evidence = recognizeExchangeList(input);
    assert.equal(evidence.certificates?.[0]?.dateAmbiguous, true);
    assert.equal(evidence.certificates?.[0]?.notAfter, '2026-08-06T06:56:14.000Z');
    assert.equal(evidence.notes?.[0]?.code, 'date-ambiguous');
    assert.equal(evidence.notes?.[0]?.thumbprint, 'AB'.repeat(20));
  });

  it('full-width colons from a Japanese console', () => {
    const input = `Thumbprint         ： ${'CD'.repeat(20)}\nNotAfter           ： 2027/01/05 9:00:00\nSubject            ： CN=mail.contoso.co.jp\n`;
    const cert = recognizeExchangeList(input).certificates?.[0];
    assert.equal(cert?.thumbprint, 'CD'.repeat(20));
    assert.equal(cert?.notAfter, '2027-01-05T09:00:00.000Z');
    assert.deepEqual(cert?.domains, ['mail.contoso.co.jp']);
  });

  it('Get-AuthConfig with a staged next certificate', () => {
    const input = `CurrentCertificateThumbprint  : ${'AA'.repeat(20)}\nPreviousCertificateThumbprint :\nNextCertificateThumbprint     : ${'BB'.repeat(20)}\nNextCertificateEffectiveDate  : 12/20/2026 9:00:00 AM\n`;
    assert.deepEqual(recognizeExchangeList(input).authConfig, {
      currentThumbprint: 'AA'.repeat(20),
      nextThumbprint: 'BB'.repeat(20),
      nextEffectiveDate: '2026-12-20T09:00:00.000Z',
    });
  });

  const nothing: { name: string; input: string }[] = [
    {
      name: 'an event in Event Viewer layout',
      input: 'Log Name:      Application\nSource:        MSExchangeTransport\nEvent ID:      12015\n',
    },
    { name: 'certutil -dump', input: corpusText('s24-certutil-dump-auth-cert.txt') },
    { name: 'openssl -text', input: corpusText('s23-openssl-text-expiring.txt') },
    { name: 'the table view', input: corpusText('s17-get-exchangecertificate-table.txt') },
    { name: '1 MiB of key: value lines', input: 'Foo : bar\n'.repeat(110_000) },
  ];
  for (const row of nothing) {
    it(`finds no certificate in ${row.name}`, () => {
      const started = performance.now();
      assert.deepEqual(recognizeExchangeList(row.input).certificates ?? [], []);
      assert.ok(performance.now() - started < 1000);
    });
  }
});
