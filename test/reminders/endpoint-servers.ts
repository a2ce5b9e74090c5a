import { createServer as createNetServer } from 'node:net';
import { createSecureContext, TLSSocket } from 'node:tls';
import { startSmtp, type TestServer, track } from '../probe/helpers/servers.js';
import type { TestCertificate } from '../probe/helpers/test-certs.js';

/** A loopback server a tracked endpoint points at, and how many connections it accepted. */
export type EndpointServer = TestServer;

/**
 * An SMTP server with STARTTLS presenting `cert` (leaf, then its issuers), on `port` (0: any).
 * Restarting one on the same port with a new certificate is how a renewal looks from outside.
 */
export function startSmtpOn(
  port: number,
  cert: TestCertificate,
  ...issuers: TestCertificate[]
): Promise<EndpointServer> {
  return startSmtp({
    name: 'mail.contoso.com',
    key: cert.keyPem,
    cert: [cert, ...issuers].map((c) => c.certPem).join(''),
    port,
  });
}

/**
 * TLS from the first byte, each connection presenting the next certificate in turn: a load
 * balancer in front of two servers whose certificates differ.
 */
export function startAlternating(certs: TestCertificate[]): Promise<EndpointServer> {
  const contexts = certs.map((c) => createSecureContext({ key: c.keyPem, cert: c.certPem }));
  let next = 0;
  const server = createNetServer((socket) => {
    const secure = new TLSSocket(socket, { isServer: true, secureContext: contexts[next++ % contexts.length]! });
    secure.on('error', () => {});
  });
  return track(server, '127.0.0.1');
}
