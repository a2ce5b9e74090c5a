import type { ProbeFailure, ProbeStage } from '../core/probe/observation.js';

/** A probe that ended early, carrying the failure its finding describes. */
export class ProbeError extends Error {
  override name = 'ProbeError';
  constructor(readonly failure: ProbeFailure) {
    super(`${failure.kind} at ${failure.stage}${failure.detail ? `: ${failure.detail}` : ''}`);
  }

  /** The same failure, noticed at another stage (the socket closed while waiting for this one). */
  at(stage: ProbeStage): ProbeError {
    return stage === this.failure.stage ? this : new ProbeError({ ...this.failure, stage });
  }
}

const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EHOSTDOWN', 'ENETDOWN']);
const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'ENODATA']);
const CLOSED = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/** A system error as the finding describes it; the code is kept as the detail, as the system said it. */
export function failureFromError(error: unknown, stage: ProbeStage): ProbeFailure {
  if (error instanceof ProbeError) return error.failure;
  // Node tries each address of a name in turn and reports them all together.
  const first = error instanceof AggregateError ? (error.errors[0] as unknown) : error;
  const code = (first as NodeJS.ErrnoException | undefined)?.code ?? (error as NodeJS.ErrnoException | undefined)?.code;
  const message = first instanceof Error ? first.message : String(first);
  const detail = code ?? message;
  if (code === 'ECONNREFUSED') return { kind: 'refused', stage, detail };
  if (code === 'ETIMEDOUT') return { kind: 'timeout', stage, detail };
  if (code && DNS.has(code)) return { kind: 'dns', stage, detail };
  if (code && UNREACHABLE.has(code)) return { kind: 'unreachable', stage, detail };
  if ((code && CLOSED.has(code)) || /socket hang up|disconnected/i.test(message))
    return { kind: 'closed', stage, detail };
  if (stage === 'handshake') return { kind: 'tls', stage, detail: code ? `${code}: ${message}` : message };
  return { kind: 'closed', stage, detail };
}
