import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../src/cli/run-cli.js';
import type { ProbeEndpointReport } from '../../src/core/probe/judge-probe.js';
import { captureIo } from '../helpers/cli-io.js';
import {
  chainPem,
  exchange2007Default,
  expiredIntermediate,
  expiredLeaf,
  goodLeaf,
  leafUnderExpired,
  NOW,
  root,
  thumbprintOf,
  validIntermediate,
  wrongNameLeaf,
} from './fixtures.js';
import { makeEcCertificate } from './helpers/test-certs.js';
import {
  closedPort,
  ipv6LoopbackMissing,
  startLineServer,
  startSmtp,
  startTls,
  TLS10_ONLY,
  type TestServer,
} from './helpers/servers.js';

const noIpv6 = await ipv6LoopbackMissing();

async function probeJson(...args: string[]): Promise<ProbeEndpointReport[]> {
  const io = captureIo({ now: new Date('2000-01-01T00:00:00Z') });
  const code = await runCli(['probe', '--json', '--now', NOW.toISOString(), ...args], io);
  assert.equal(code, 0, io.err.join(''));
  assert.deepEqual(io.err, []);
  return (JSON.parse(io.out.join('')) as { endpoints: ProbeEndpointReport[] }).endpoints;
}

const codes = (report: ProbeEndpointReport) => report.findings.map((f) => f.code);

describe('certcheck probe: SMTP with STARTTLS (smtp-server on loopback)', () => {
  let expiredChain: TestServer;
  let noStarttls: TestServer;
  let ipv6: TestServer | undefined;
  before(async () => {
    expiredChain = await startSmtp({
      name: 'mail.contoso.com',
      key: leafUnderExpired.keyPem,
      cert: chainPem(leafUnderExpired, expiredIntermediate),
    });
    noStarttls = await startSmtp({
      name: 'ex01.contoso.local',
      key: goodLeaf.keyPem,
      cert: goodLeaf.certPem,
      starttls: false,
    });
    if (!noIpv6) {
      ipv6 = await startSmtp({
        name: 'ex01.contoso.local',
        key: goodLeaf.keyPem,
        cert: chainPem(goodLeaf, validIntermediate),
        host: '::1',
      });
    }
  });
  after(async () => {
    await Promise.all([expiredChain.close(), noStarttls.close(), ipv6?.close()]);
  });

  it('reads the chain as presented, leaf first, and names the expired intermediate as the culprit', async () => {
    const [report] = await probeJson(`smtp://127.0.0.1:${expiredChain.port}`);
    assert.ok(report);
    assert.equal(report.protocol, 'smtp');
    assert.equal(report.host, '127.0.0.1');
    assert.equal(report.port, expiredChain.port);
    assert.equal(report.target, `smtp://127.0.0.1:${expiredChain.port}`);
    assert.equal(report.startTls, true);
    assert.match(report.banner ?? '', /^220 mail\.contoso\.com ESMTP Microsoft ESMTP MAIL Service ready/);
    assert.equal(report.tlsVersion, 'TLSv1.3');
    assert.deepEqual(
      report.chain.map((c) => c.thumbprint),
      [thumbprintOf(leafUnderExpired), thumbprintOf(expiredIntermediate)],
    );
    assert.equal(report.chain[0]?.subject, 'CN=mail.contoso.com');
    assert.equal(report.chain[1]?.notAfter, '2026-11-30T00:00:00.000Z');
    assert.equal(report.chain[1]?.daysLeft, -8);
    const expired = report.findings.filter((f) => f.code === 'CERT_EXPIRED');
    assert.equal(expired.length, 1);
    assert.equal(expired[0]?.thumbprint, thumbprintOf(expiredIntermediate));
    assert.equal(expired[0]?.severity, 'critical');
    assert.match(
      expired[0]?.message ?? '',
      /^Intermediate certificate in the presented chain: Contoso Issuing CA 1 expired 8 days ago \(30 Nov 2026\)/,
    );
    // The greeting's FQDN is covered by the leaf, and an IP target is not name-checked.
    assert.ok(!codes(report).includes('DOMAIN_MISMATCH'));
  });

  it('reports STARTTLS not offered, with the greeting kept, and reads no chain', async () => {
    const [report] = await probeJson(`smtp://127.0.0.1:${noStarttls.port}`);
    assert.equal(report?.startTls, false);
    assert.deepEqual(report?.chain, []);
    assert.equal(report?.tlsVersion, null);
    assert.match(report?.banner ?? '', /^220 ex01\.contoso\.local /);
    assert.deepEqual(codes(report!), ['STARTTLS_NOT_OFFERED']);
    assert.match(report?.findings[0]?.message ?? '', /does not offer STARTTLS.*12014/);
  });

  it('checks the leaf against the FQDN of the greeting over IPv6', { skip: noIpv6 }, async () => {
    const [report] = await probeJson(`smtp://[::1]:${ipv6?.port}`);
    assert.equal(report?.host, '::1');
    assert.equal(report?.address, '::1');
    assert.equal(report?.startTls, true);
    const mismatch = report?.findings.find((f) => f.code === 'DOMAIN_MISMATCH');
    assert.ok(mismatch, JSON.stringify(report?.findings));
    assert.equal(mismatch.thumbprint, thumbprintOf(goodLeaf));
    assert.match(
      mismatch.message,
      /covers neither ex01\.contoso\.local \(the FQDN in its greeting\) \(it covers: mail\.contoso\.com, localhost\)/,
    );
  });
});

describe('certcheck probe: TLS from the first byte', () => {
  let expired: TestServer;
  let wrongName: TestServer;
  let ec: TestServer;
  let withRoot: TestServer;
  before(async () => {
    withRoot = await startTls({ key: goodLeaf.keyPem, cert: chainPem(goodLeaf, validIntermediate, root) });
    expired = await startTls({
      key: expiredLeaf.keyPem,
      cert: chainPem(expiredLeaf, validIntermediate),
      host: noIpv6 ? '127.0.0.1' : '::1',
    });
    wrongName = await startTls({ key: wrongNameLeaf.keyPem, cert: wrongNameLeaf.certPem });
    const ecCert = makeEcCertificate({
      cn: 'mail.contoso.com',
      sans: ['mail.contoso.com'],
      notBefore: '2026-06-01T00:00:00Z',
      notAfter: '2027-06-01T00:00:00Z',
    });
    ec = await startTls({ key: ecCert.keyPem, cert: ecCert.certPem });
  });
  after(async () => {
    await Promise.all([expired.close(), wrongName.close(), ec.close(), withRoot.close()]);
  });

  it('reads an expired leaf even so, with the countdown against --now', async () => {
    const [report] = await probeJson(noIpv6 ? `tls://127.0.0.1:${expired.port}` : `tls://[::1]:${expired.port}`);
    assert.equal(report?.protocol, 'tls');
    assert.equal(report?.startTls, null);
    assert.equal(report?.banner, null);
    assert.equal(report?.chain.length, 2);
    assert.equal(report?.chain[0]?.daysLeft, -20);
    const finding = report?.findings.find((f) => f.code === 'CERT_EXPIRED');
    assert.equal(finding?.thumbprint, thumbprintOf(expiredLeaf));
    assert.match(finding?.message ?? '', /^owa\.contoso\.com expired 20 days ago \(17 Nov 2026\)/);
  });

  it('names the host the certificate does not cover', async () => {
    const [report] = await probeJson(`tls://localhost:${wrongName.port}`);
    assert.equal(report?.host, 'localhost');
    const mismatch = report?.findings.find((f) => f.code === 'DOMAIN_MISMATCH');
    assert.match(mismatch?.message ?? '', /covers neither localhost \(it covers: www\.fabrikam\.com\)/);
    assert.equal(report?.chain[0]?.selfSigned, false);
  });

  it('a chain sent with its root: each certificate once, the root last and judged as a root', async () => {
    const [report] = await probeJson(`tls://127.0.0.1:${withRoot.port}`);
    assert.deepEqual(
      report?.chain.map((c) => [c.thumbprint, c.selfSigned]),
      [
        [thumbprintOf(goodLeaf), false],
        [thumbprintOf(validIntermediate), false],
        [thumbprintOf(root), true],
      ],
    );
    assert.deepEqual(report?.findings, []);
  });

  it('reads an EC key: its size, and no weak-key finding', async () => {
    const [report] = await probeJson(`https://127.0.0.1:${ec.port}/owa/`);
    assert.equal(report?.port, ec.port);
    assert.equal(report?.chain[0]?.keyAlgorithm, 'ECDSA');
    assert.equal(report?.chain[0]?.keySize, 256);
    assert.equal(report?.chain[0]?.signatureHash, 'SHA256');
    assert.ok(!codes(report!).includes('WEAK_KEY'));
  });
});

describe('certcheck probe: an Exchange 2007 server (TLS 1.0, 1024-bit SHA-1 self-signed)', () => {
  let old: TestServer;
  before(async () => {
    old = await startSmtp({
      name: 'EXCH2007.contoso.local',
      key: exchange2007Default.keyPem,
      cert: exchange2007Default.certPem,
      tls: TLS10_ONLY,
    });
  });
  after(() => old.close());

  it('still reads the certificate and reports the old protocol, the weak key and SHA-1', async () => {
    const [report] = await probeJson(`smtp://127.0.0.1:${old.port}`);
    assert.equal(report?.tlsVersion, 'TLSv1');
    assert.equal(report?.startTls, true);
    assert.equal(report?.chain[0]?.thumbprint, thumbprintOf(exchange2007Default));
    assert.equal(report?.chain[0]?.selfSigned, true);
    assert.equal(report?.chain[0]?.keySize, 1024);
    assert.equal(report?.chain[0]?.signatureHash, 'SHA1');
    for (const code of ['CERT_EXPIRED', 'OLD_TLS_VERSION', 'WEAK_KEY', 'SHA1_SIGNATURE', 'SELF_SIGNED'] as const) {
      assert.ok(codes(report!).includes(code), `${code} in ${codes(report!).join(',')}`);
    }
    assert.match(report?.findings.find((f) => f.code === 'OLD_TLS_VERSION')?.message ?? '', /TLS 1\.0/);
  });
});

describe('certcheck probe: IMAP and POP3 STARTTLS', () => {
  let imap: TestServer;
  let pop: TestServer;
  let popNoStls: TestServer;
  before(async () => {
    const tls = { key: goodLeaf.keyPem, cert: chainPem(goodLeaf, validIntermediate) };
    imap = await startLineServer({
      ...tls,
      greet: (socket) => socket.write('* OK The Microsoft Exchange IMAP4 service is ready.\r\n'),
      answer: (line) => {
        if (line === 'c1 CAPABILITY')
          return { reply: '* CAPABILITY IMAP4 IMAP4rev1 STARTTLS AUTH=NTLM\r\nc1 OK CAPABILITY completed.\r\n' };
        if (line === 'c2 STARTTLS') return { reply: 'c2 OK Begin TLS negotiation now.\r\n', upgrade: true };
        return undefined;
      },
    });
    pop = await startLineServer({
      ...tls,
      greet: (socket) => socket.write('+OK The Microsoft Exchange POP3 service is ready.\r\n'),
      answer: (line) => {
        if (line === 'CAPA') return { reply: '+OK\r\nTOP\r\nUIDL\r\nSTLS\r\n.\r\n' };
        if (line === 'STLS') return { reply: '+OK Begin TLS negotiation.\r\n', upgrade: true };
        return undefined;
      },
    });
    popNoStls = await startLineServer({
      greet: (socket) => socket.write('+OK POP3 ready\r\n'),
      answer: (line) => (line === 'CAPA' ? { reply: '+OK\r\nTOP\r\nUSER\r\n.\r\n' } : { reply: '+OK\r\n' }),
    });
  });
  after(async () => {
    await Promise.all([imap.close(), pop.close(), popNoStls.close()]);
  });

  it('upgrades IMAP after CAPABILITY lists STARTTLS', async () => {
    const [report] = await probeJson(`imap://127.0.0.1:${imap.port}`);
    assert.equal(report?.protocol, 'imap');
    assert.equal(report?.startTls, true);
    assert.equal(report?.banner, '* OK The Microsoft Exchange IMAP4 service is ready.');
    assert.deepEqual(
      report?.chain.map((c) => c.thumbprint),
      [thumbprintOf(goodLeaf), thumbprintOf(validIntermediate)],
    );
    assert.deepEqual(report?.findings, []);
  });

  it('upgrades POP3 with STLS, and says when it is not offered', async () => {
    const [upgraded, plain] = await probeJson(`pop3://127.0.0.1:${pop.port}`, `pop3://127.0.0.1:${popNoStls.port}`);
    assert.equal(upgraded?.protocol, 'pop3');
    assert.equal(upgraded?.startTls, true);
    assert.equal(upgraded?.banner, '+OK The Microsoft Exchange POP3 service is ready.');
    assert.equal(upgraded?.chain[0]?.thumbprint, thumbprintOf(goodLeaf));
    assert.equal(plain?.startTls, false);
    assert.deepEqual(codes(plain!), ['STARTTLS_NOT_OFFERED']);
    assert.match(plain?.findings[0]?.message ?? '', /mail clients must send passwords in clear text/);
  });
});

describe('certcheck probe: servers that do not answer as they should', () => {
  let silent: TestServer;
  let flood: TestServer;
  let refusing: TestServer;
  before(async () => {
    silent = await startLineServer({});
    flood = await startLineServer({
      greet: (socket) => {
        const chunk = Buffer.alloc(16 * 1024, '220-');
        const pump = () => {
          while (!socket.destroyed && socket.write(chunk));
          if (!socket.destroyed) socket.once('drain', pump);
        };
        pump();
      },
    });
    refusing = await startLineServer({
      greet: (socket) => socket.write('220 mx.contoso.com ESMTP\r\n'),
      answer: (line) => {
        if (line.startsWith('EHLO')) return { reply: '250-mx.contoso.com\r\n250 STARTTLS\r\n' };
        if (line === 'STARTTLS') return { reply: '454 4.7.0 TLS not available due to local problem\r\n' };
        return undefined;
      },
    });
  });
  after(async () => {
    await Promise.all([silent.close(), flood.close(), refusing.close()]);
  });

  it('a closed port: ENDPOINT_UNREACHABLE saying the connection was refused, exit 0', async () => {
    const port = await closedPort();
    const [report] = await probeJson(`smtp://127.0.0.1:${port}`);
    assert.deepEqual(codes(report!), ['ENDPOINT_UNREACHABLE']);
    assert.match(report?.findings[0]?.message ?? '', /connection refused/);
    assert.equal(report?.failure?.kind, 'refused');
    assert.equal(report?.startTls, null);
  });

  it('a server that accepts and never speaks: a time-out at the greeting, within the budget', async () => {
    const started = performance.now();
    const [report] = await probeJson('--timeout', '300', `smtp://127.0.0.1:${silent.port}`);
    assert.ok(performance.now() - started < 3000);
    assert.equal(report?.failure?.kind, 'timeout');
    assert.equal(report?.failure?.stage, 'greeting');
    assert.match(report?.findings[0]?.message ?? '', /did not answer within 0\.3 s \(timed out before its greeting\)/);
    assert.equal(silent.connections, 1);
  });

  it('a server flooding its banner: a finding after the byte cap, not a hang', async () => {
    const [report] = await probeJson('--timeout', '5000', `smtp://127.0.0.1:${flood.port}`);
    assert.equal(report?.failure?.kind, 'flood');
    assert.equal(report?.banner, null);
    assert.match(report?.findings[0]?.message ?? '', /sent more than 64 KiB before its greeting/);
  });

  it('STARTTLS advertised then refused: not offered, with the server’s answer', async () => {
    const [report] = await probeJson(`smtp://127.0.0.1:${refusing.port}`);
    assert.equal(report?.startTls, false);
    assert.deepEqual(codes(report!), ['STARTTLS_NOT_OFFERED']);
    assert.match(
      report?.findings[0]?.message ?? '',
      /refused to start it: “454 4\.7\.0 TLS not available due to local problem”/,
    );
  });
});
