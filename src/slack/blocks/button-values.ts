import { z } from 'zod';
import { languageSchema } from '../../core/model.js';
import { decodeJson } from '../json-value.js';

/**
 * What certcheck's buttons carry in `value` (≤ 2000 characters): the id of the stored paste and
 * how to render it, never the paste itself.
 */
const replyValueSchema = z.object({
  /** The id of the paste in the paste store. */
  p: z.string().min(1).max(64),
  /** The language to render in. */
  l: languageSchema,
  /** Show every step. */
  a: z.boolean().optional(),
  /** Post to thread: the channel and the thread's parent ts. */
  c: z.string().max(32).optional(),
  t: z.string().max(32).optional(),
});
export type ReplyValue = z.infer<typeof replyValueSchema>;

export const encodeReplyValue = (value: ReplyValue): string => JSON.stringify(value);

export const decodeReplyValue = (value: string | undefined): ReplyValue | undefined =>
  decodeJson(replyValueSchema, value);

/**
 * The Track button's value: enough facts to track each
 * certificate without the paste. Certificates that do not fit in 2000 characters are left out.
 */
export const trackValueSchema = z.object({
  p: z.string().optional(),
  l: languageSchema,
  certs: z.array(
    z.object({
      thumbprint: z.string(),
      subject: z.string(),
      notAfter: z.string().optional(),
      domains: z.array(z.string()),
      /** Where the paste shows it: the dialog tells two servers' certificates of one name apart. */
      servers: z.array(z.string()).optional(),
    }),
  ),
});
export type TrackValue = z.infer<typeof trackValueSchema>;

/** A certificate as the Track dialog lists it: "CN=… (📍 EX01)". */
export function trackChoiceName(cert: TrackValue['certs'][number]): string {
  const name = cert.subject || cert.thumbprint;
  return cert.servers?.length ? `${name} (📍 ${cert.servers.join(', ')})` : name;
}

export function encodeTrackValue(value: TrackValue, max = 2000): string {
  const certs: TrackValue['certs'] = [];
  for (const cert of value.certs) {
    const next = {
      ...cert,
      subject: cert.subject.slice(0, 200),
      domains: cert.domains.slice(0, 5).map((d) => d.slice(0, 100)),
      ...(cert.servers?.length && { servers: cert.servers.slice(0, 3).map((s) => s.slice(0, 100)) }),
    };
    if (JSON.stringify({ ...value, certs: [...certs, next] }).length > max) break;
    certs.push(next);
  }
  return JSON.stringify({ ...value, certs });
}

export const decodeTrackValue = (value: string | undefined): TrackValue | undefined =>
  decodeJson(trackValueSchema, value);
