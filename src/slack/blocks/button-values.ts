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
    }),
  ),
});
export type TrackValue = z.infer<typeof trackValueSchema>;

export function encodeTrackValue(value: TrackValue, max = 2000): string {
  const certs: TrackValue['certs'] = [];
  for (const cert of value.certs) {
    const next = {
      ...cert,
      subject: cert.subject.slice(0, 200),
      domains: cert.domains.slice(0, 5).map((d) => d.slice(0, 100)),
    };
    if (JSON.stringify({ ...value, certs: [...certs, next] }).length > max) break;
    certs.push(next);
  }
  return JSON.stringify({ ...value, certs });
}

export const decodeTrackValue = (value: string | undefined): TrackValue | undefined =>
  decodeJson(trackValueSchema, value);
