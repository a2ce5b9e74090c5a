import type { X509Certificate } from 'node:crypto';
import { connect as netConnect, type Socket } from 'node:net';
import { createSecureContext, type SecureContext, type TLSSocket, connect as tlsConnect } from 'node:tls';
import type { ProbeObservation, ProbeStage } from '../core/probe/observation.js';
import type { ProbeTarget } from '../core/probe/target.js';
import { BoundedReader } from './bounded-reader.js';
import { dialogue } from './dialogues.js';
import { failureFromError, ProbeError } from './probe-error.js';

export interface ProbeOptions {
  /** Bounds the whole probe of one endpoint: connect, dialogue and handshake. */
  timeoutMs: number;
  /** Bytes read before TLS at most (default 64 KiB). */
  maxBytes?: number;
  /** Connect here instead of resolving the host (the address an allow-list checked). */
  address?: string;
}

export const DEFAULT_MAX_BYTES = 64 * 1024;
/** A chain longer than this is not a chain a client would walk. */
const MAX_CHAIN = 10;

/**
 * Looks at one endpoint the way a peer does and reports what it presents. Never throws: every
 * way it can end is an observation, and both sockets are gone when it returns.
 */
export async function probeEndpoint(target: ProbeTarget, options: ProbeOptions): Promise<ProbeObservation> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const observation: ProbeObservation = {
    target,
    banner: null,
    tlsVersion: null,
    chain: [],
    timeoutMs: options.timeoutMs,
    maxBytes,
  };
  const session: Session = { stage: 'connect' };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeError({ kind: 'timeout', stage: session.stage })), options.timeoutMs);
  });
  try {
    await Promise.race([run(target, options.address, maxBytes, session, observation), deadline]);
  } catch (error) {
    observation.failure = failureFromError(error, session.stage);
  } finally {
    clearTimeout(timer);
    close(session);
  }
  return observation;
}

interface Session {
  stage: ProbeStage;
  raw?: Socket;
  tls?: TLSSocket;
}

async function run(
  target: ProbeTarget,
  address: string | undefined,
  maxBytes: number,
  session: Session,
  observation: ProbeObservation,
): Promise<void> {
  const raw = netConnect({ host: address ?? target.host, port: target.port });
  session.raw = raw;
  const reader = new BoundedReader(raw, maxBytes, (stage) => {
    session.stage = stage;
  });
  // Errors after the connect go to whoever waits on the reader; one listener always exists, so none is thrown.
  raw.on('error', (error) => reader.fail(new ProbeError(failureFromError(error, session.stage))));
  await new Promise<void>((resolve, reject) => {
    raw.once('connect', resolve);
    raw.once('error', reject);
  });
  if (raw.remoteAddress) observation.address = raw.remoteAddress;
  if (target.protocol !== 'tls') {
    session.stage = 'greeting';
    const outcome = await dialogue(target.protocol, reader, (line) => {
      raw.write(line);
    });
    observation.banner = outcome.banner;
    observation.startTls = {
      offered: outcome.offered,
      ...(outcome.refusal !== undefined && { refusal: outcome.refusal }),
    };
    if (!outcome.upgrade) return;
  }
  reader.detach();
  session.stage = 'handshake';
  const tls = tlsConnect({
    socket: raw,
    ...(!target.ip && { servername: target.host }),
    // Reading, not trusting: the chain is wanted exactly when it is expired, self-signed or untrusted.
    rejectUnauthorized: false,
    secureContext: readingContext(),
  });
  session.tls = tls;
  await new Promise<void>((resolve, reject) => {
    tls.once('secureConnect', resolve);
    tls.once('error', reject);
    tls.once('close', () => reject(new ProbeError({ kind: 'closed', stage: 'handshake' })));
  });
  tls.on('error', () => {
    // Read already; a late reset changes nothing.
  });
  observation.tlsVersion = tls.getProtocol();
  observation.chain = presentedChain(tls.getPeerX509Certificate());
}

let context: SecureContext | undefined;

/**
 * One context for every probe (building one per connection costs more than the handshake).
 * An empty trust store, so the chain reported is the one the server sent, not completed from this
 * machine's roots. Exchange 2007 on Windows 2003 speaks TLS 1.0 with a 1024-bit SHA-1
 * certificate: allowed here to read it (and report it); nothing is sent over these connections.
 */
function readingContext(): SecureContext {
  context ??= createSecureContext({ ca: [], minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' });
  return context;
}

/**
 * Leaf first, each issuer as Node linked it from what the server sent. X509Certificate objects,
 * not getPeerCertificate(true): those compute every fingerprint and field of every certificate.
 */
function presentedChain(leaf: X509Certificate | undefined): Uint8Array[] {
  const chain: Uint8Array[] = [];
  const seen = new Set<string>();
  // A self-issued root names itself as its issuer.
  let cert: X509Certificate | undefined = leaf;
  while (cert && !seen.has(cert.fingerprint256) && chain.length < MAX_CHAIN) {
    seen.add(cert.fingerprint256);
    chain.push(new Uint8Array(cert.raw));
    cert = cert.issuerCertificate;
  }
  return chain;
}

/**
 * The TLS socket goes first: on Node 20, destroying the raw socket under a live TLS socket after a
 * STARTTLS upgrade can crash the process at exit.
 */
function close(session: Session): void {
  session.tls?.destroy();
  session.raw?.destroy();
}
