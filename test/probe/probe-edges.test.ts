import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSecureContext, createServer as createTlsServer } from 'node:tls';
import { runCli } from '../../src/cli/run-cli.js';
import type { ProbeEndpointReport } from '../../src/core/probe/judge-probe.js';
import { captureIo } from '../helpers/cli-io.js';
import { goodLeaf, NOW } from './fixtures.js';
import { startLineServer, type TestServer } from './helpers/servers.js';

async function probe(...args: string[]): Promise<{ text: string; code: number }> {
  const io = captureIo({ now: NOW });
  const code = await runCli(['probe', '--now', NOW.toISOString(), ...args], io);
  return { text: io.out.join('') + io.err.join(''), code };
}

describe('certcheck probe: SNI, a handshake that fails after STARTTLS, hostile text', () => {
  const names: string[] = [];
  let connections = 0;
  let sni: { port: number; close(): Promise<void> };
  let badTls: TestServer;
  let hostile: TestServer;
  before(async () => {
    const context = createSecureContext({ key: goodLeaf.keyPem, cert: goodLeaf.certPem });
    const server = createTlsServer({
      key: goodLeaf.keyPem,
      cert: goodLeaf.certPem,
      // Called during the ClientHello, only when the client names a server.
      SNICallback: (name, done) => {
        names.push(name);
        done(null, context);
      },
    });
    server.on('connection', () => connections++);
    server.on('tlsClientError', () => {});
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    sni = {
      port: typeof address === 'object' && address ? address.port : 0,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
    // Agrees to STARTTLS, then answers the handshake with plain text.
    badTls = await startLineServer({
      greet: (socket) => socket.write('220 mx.contoso.com ESMTP\r\n'),
      answer: (line) => {
        if (line.startsWith('EHLO')) return { reply: '250-mx.contoso.com\r\n250 STARTTLS\r\n' };
        if (line === 'STARTTLS') {
          return {
            reply: '220 go ahead\r\n',
            takeOver: (socket) => socket.once('data', () => socket.end('this is not TLS\r\n')),
          };
        }
        return undefined;
      },
    });
    // A greeting carrying a terminal escape sequence and a Slack-style mention.
    hostile = await startLineServer({
      greet: (socket) => socket.write('220 mx.contoso.com \u001b[2J\u001b]0;owned\u0007 <!channel> ESMTP\r\n'),
      answer: (line) => (line.startsWith('EHLO') ? { reply: '250 mx.contoso.com\r\n' } : undefined),
    });
  });
  after(async () => {
    await Promise.all([sni.close(), badTls.close(), hostile.close()]);
  });

  it('sends the host name as SNI, and none for an IP target', async () => {
    await probe('--json', `tls://localhost:${sni.port}`);
    await probe('--json', `tls://127.0.0.1:${sni.port}`);
    assert.deepEqual(names, ['localhost']);
    assert.equal(connections, 2);
  });

  it('a handshake that fails after the server agreed: ENDPOINT_UNREACHABLE saying TLS failed, startTls false', async () => {
    const { text, code } = await probe('--json', `smtp://127.0.0.1:${badTls.port}`);
    assert.equal(code, 0);
    const [report] = (JSON.parse(text) as { endpoints: ProbeEndpointReport[] }).endpoints;
    assert.equal(report?.startTls, false);
    assert.equal(report?.failure?.kind, 'tls');
    assert.equal(report?.findings[0]?.code, 'ENDPOINT_UNREACHABLE');
    assert.equal(report?.findings[0]?.severity, 'critical');
    assert.match(report?.findings[0]?.message ?? '', /^The TLS handshake with smtp:\/\/127\.0\.0\.1:\d+ failed \(/);
  });

  it('a greeting with control characters cannot drive the terminal; JSON keeps it as received', async () => {
    const { text } = await probe(`smtp://127.0.0.1:${hostile.port}`);
    assert.ok(!text.includes('\u001b'), JSON.stringify(text));
    assert.ok(!text.includes('\u0007'));
    assert.match(text, /greeting: 220 mx\.contoso\.com {2}<!channel> ESMTP\n/);
    const json = await probe('--json', `smtp://127.0.0.1:${hostile.port}`);
    const [report] = (JSON.parse(json.text) as { endpoints: ProbeEndpointReport[] }).endpoints;
    assert.equal(report?.banner, '220 mx.contoso.com \u001b[2J\u001b]0;owned\u0007 <!channel> ESMTP');
  });
});
