import type { ProbeProtocol } from '../core/probe/target.js';
import type { BoundedReader, ResponseEnd } from './bounded-reader.js';
import { ProbeError } from './probe-error.js';

/** What the plain-text part of a STARTTLS protocol told, and whether TLS may start now. */
export interface DialogueOutcome {
  banner: string;
  offered: boolean;
  /** The server's answer when it advertised STARTTLS and then refused it. */
  refusal?: string;
  /** The server agreed: the next byte is the TLS handshake. */
  upgrade: boolean;
}

export type Send = (line: string) => void;

/** The name certcheck gives in EHLO: a reserved name, so no real host is claimed. */
const EHLO_NAME = 'certcheck.invalid';

/** SMTP: a reply ends with the line whose code is followed by a space (or nothing). */
const smtpReply: ResponseEnd = (lines) => {
  const index = lines.findIndex((line) => /^\d{3}(?: |$)/.test(line));
  return index < 0 ? undefined : index + 1;
};
const firstLine: ResponseEnd = (lines) => (lines.length > 0 ? 1 : undefined);
const tagged =
  (tag: string): ResponseEnd =>
  (lines) => {
    const index = lines.findIndex((line) => line.startsWith(`${tag} `));
    return index < 0 ? undefined : index + 1;
  };
/** POP3 CAPA: `-ERR` alone, or `+OK` and lines up to a lone dot. */
const popMultiline: ResponseEnd = (lines) => {
  if (lines[0]?.startsWith('-')) return 1;
  const index = lines.indexOf('.');
  return index < 0 ? undefined : index + 1;
};

export async function dialogue(protocol: ProbeProtocol, reader: BoundedReader, send: Send): Promise<DialogueOutcome> {
  switch (protocol) {
    case 'smtp':
      return smtp(reader, send);
    case 'imap':
      return imap(reader, send);
    case 'pop3':
      return pop3(reader, send);
    default:
      throw new Error(`no STARTTLS dialogue for ${protocol}`);
  }
}

async function smtp(reader: BoundedReader, send: Send): Promise<DialogueOutcome> {
  const greeting = await reader.response('greeting', smtpReply);
  const banner = greeting.join('\n');
  if (!greeting.at(-1)?.startsWith('220'))
    throw new ProbeError({ kind: 'protocol', stage: 'greeting', detail: banner });
  send(`EHLO ${EHLO_NAME}\r\n`);
  const ehlo = await reader.response('capabilities', smtpReply);
  // A server that does not speak ESMTP cannot advertise STARTTLS.
  const offered = ehlo.at(-1)?.startsWith('250') === true && ehlo.some((line) => /^250[- ]STARTTLS\b/i.test(line));
  if (!offered) return quit({ banner, offered, upgrade: false }, send, 'QUIT');
  send('STARTTLS\r\n');
  const answer = await reader.response('starttls', smtpReply);
  if (answer.at(-1)?.startsWith('220')) return { banner, offered, upgrade: true };
  return quit({ banner, offered, refusal: answer.join(' '), upgrade: false }, send, 'QUIT');
}

async function imap(reader: BoundedReader, send: Send): Promise<DialogueOutcome> {
  const [greeting = ''] = await reader.response('greeting', firstLine);
  if (!/^\* (OK|PREAUTH)\b/i.test(greeting))
    throw new ProbeError({ kind: 'protocol', stage: 'greeting', detail: greeting });
  send('c1 CAPABILITY\r\n');
  const capability = await reader.response('capabilities', tagged('c1'));
  const offered = capability.some((line) => /^\* CAPABILITY\b.*\bSTARTTLS\b/i.test(line));
  if (!offered) return quit({ banner: greeting, offered, upgrade: false }, send, 'c9 LOGOUT');
  send('c2 STARTTLS\r\n');
  const answer = await reader.response('starttls', tagged('c2'));
  if (/^c2 OK\b/i.test(answer.at(-1) ?? '')) return { banner: greeting, offered, upgrade: true };
  return quit({ banner: greeting, offered, refusal: answer.at(-1) ?? '', upgrade: false }, send, 'c9 LOGOUT');
}

async function pop3(reader: BoundedReader, send: Send): Promise<DialogueOutcome> {
  const [greeting = ''] = await reader.response('greeting', firstLine);
  if (!greeting.startsWith('+OK')) throw new ProbeError({ kind: 'protocol', stage: 'greeting', detail: greeting });
  send('CAPA\r\n');
  const capa = await reader.response('capabilities', popMultiline);
  // A server too old for CAPA may still know STLS: ask, and let its answer decide.
  const listed = capa[0]?.startsWith('+OK') === true;
  const offered = !listed || capa.some((line) => /^STLS\b/i.test(line));
  if (!offered) return quit({ banner: greeting, offered, upgrade: false }, send, 'QUIT');
  send('STLS\r\n');
  const [answer = ''] = await reader.response('starttls', firstLine);
  if (answer.startsWith('+OK')) return { banner: greeting, offered: true, upgrade: true };
  if (!listed) return quit({ banner: greeting, offered: false, upgrade: false }, send, 'QUIT');
  return quit({ banner: greeting, offered, refusal: answer, upgrade: false }, send, 'QUIT');
}

/** Leave politely; the answer is not awaited. */
function quit(outcome: DialogueOutcome, send: Send, command: string): DialogueOutcome {
  send(`${command}\r\n`);
  return outcome;
}
