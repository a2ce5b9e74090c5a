import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { createSecureContext, createServer as createTlsServer, TLSSocket, type SecureContextOptions } from 'node:tls';
import { SMTPServer } from 'smtp-server';

/** A loopback server the probe talks to, and what it saw. */
export interface TestServer {
  port: number;
  host: string;
  /** Connections accepted so far. */
  connections: number;
  /** The most connections open at once. */
  peak: number;
  close(): Promise<void>;
}

export type Loopback = '127.0.0.1' | '::1';

/** TLS settings for a server like Exchange 2007 on Windows 2003: TLS 1.0 only, old keys accepted. */
export const TLS10_ONLY: SecureContextOptions = {
  minVersion: 'TLSv1',
  maxVersion: 'TLSv1',
  ciphers: 'DEFAULT:@SECLEVEL=0',
};

/** Listens on `port` (0: any free one) and counts what it accepts. */
export function track(server: Server, host: Loopback, port = 0): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const state: TestServer = {
    port: 0,
    host,
    connections: 0,
    peak: 0,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  server.on('connection', (socket: Socket) => {
    state.connections++;
    sockets.add(socket);
    state.peak = Math.max(state.peak, sockets.size);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      state.port = typeof address === 'object' && address ? address.port : port;
      resolve(state);
    });
  });
}

/** The `smtp-server` package: a real ESMTP dialogue, with or without STARTTLS. */
export async function startSmtp(options: {
  name: string;
  key: string;
  cert: string;
  starttls?: boolean;
  tls?: SecureContextOptions;
  host?: Loopback;
  /** 0 or absent: any free port; a given one lets a test restart a server where it was. */
  port?: number;
}): Promise<TestServer> {
  const smtp = new SMTPServer({
    name: options.name,
    banner: 'Microsoft ESMTP MAIL Service ready',
    key: options.key,
    cert: options.cert,
    ...options.tls,
    authOptional: true,
    disableReverseLookup: true,
    disabledCommands: options.starttls === false ? ['AUTH', 'STARTTLS'] : ['AUTH'],
    logger: false,
  });
  smtp.on('error', () => {});
  return track(smtp.server, options.host ?? '127.0.0.1', options.port);
}

/** TLS from the first byte (HTTPS, SMTPS, IMAPS, LDAPS). */
export function startTls(options: {
  key: string;
  cert: string;
  tls?: SecureContextOptions;
  host?: Loopback;
}): Promise<TestServer> {
  const server = createTlsServer({ key: options.key, cert: options.cert, ...options.tls }, (socket) => {
    socket.on('error', () => {});
  });
  server.on('tlsClientError', () => {});
  return track(server, options.host ?? '127.0.0.1');
}

/**
 * A line-based responder (IMAP, POP3, or a broken server): `greet` on connect, `answer` per line;
 * an answer with `upgrade` starts server-side TLS on the same socket, one with `takeOver` hands
 * the socket to the test.
 */
export function startLineServer(options: {
  greet?: (socket: Socket) => void;
  answer?: (line: string) => { reply: string; upgrade?: boolean; takeOver?: (socket: Socket) => void } | undefined;
  key?: string;
  cert?: string;
  host?: Loopback;
}): Promise<TestServer> {
  const context =
    options.key && options.cert ? createSecureContext({ key: options.key, cert: options.cert }) : undefined;
  const server = createNetServer((socket) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      let end = buffer.indexOf('\n');
      while (end >= 0) {
        const line = buffer.slice(0, end).replace(/\r$/, '');
        buffer = buffer.slice(end + 1);
        const answer = options.answer?.(line);
        if (answer) {
          socket.write(answer.reply);
          if (answer.takeOver) {
            socket.off('data', onData);
            answer.takeOver(socket);
            return;
          }
          if (answer.upgrade && context) {
            socket.off('data', onData);
            const secure = new TLSSocket(socket, { isServer: true, secureContext: context });
            secure.on('error', () => {});
            return;
          }
        }
        end = buffer.indexOf('\n');
      }
    };
    socket.on('data', onData);
    options.greet?.(socket);
  });
  return track(server, options.host ?? '127.0.0.1');
}

/** A port where nothing listens: bound, then released. */
export async function closedPort(host: Loopback = '127.0.0.1'): Promise<number> {
  const server = await track(createNetServer(), host);
  await server.close();
  return server.port;
}

/** Whether this machine has an IPv6 loopback (some containers have none): IPv6 tests skip, saying so. */
export async function ipv6LoopbackMissing(): Promise<string | false> {
  try {
    const server = await track(createNetServer(), '::1');
    await server.close();
    return false;
  } catch {
    return 'no IPv6 loopback (::1) on this machine';
  }
}
