import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { createSecureContext, TLSSocket } from 'node:tls';
import { SMTPServer } from 'smtp-server';
import type { TestCertificate } from '../probe/helpers/test-certs.js';

/** A loopback server a tracked endpoint points at, and how many connections it accepted. */
export interface EndpointServer {
  port: number;
  connections: number;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<EndpointServer> {
  const sockets = new Set<Socket>();
  const state: EndpointServer = {
    port,
    connections: 0,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  server.on('connection', (socket: Socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      state.port = typeof address === 'object' && address ? address.port : port;
      resolve(state);
    });
  });
}

/**
 * An SMTP server with STARTTLS presenting `cert` (leaf, then its issuers), on `port` (0: any).
 * Restarting one on the same port with a new certificate is how a renewal looks from outside.
 */
export function startSmtpOn(
  port: number,
  cert: TestCertificate,
  ...issuers: TestCertificate[]
): Promise<EndpointServer> {
  const smtp = new SMTPServer({
    name: 'mail.contoso.com',
    banner: 'Microsoft ESMTP MAIL Service ready',
    key: cert.keyPem,
    cert: [cert, ...issuers].map((c) => c.certPem).join(''),
    authOptional: true,
    disableReverseLookup: true,
    disabledCommands: ['AUTH'],
    logger: false,
  });
  smtp.on('error', () => {});
  return listen(smtp.server, port);
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
  return listen(server, 0);
}
