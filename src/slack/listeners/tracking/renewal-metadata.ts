import { z } from 'zod';
import { languageSchema } from '../../../core/model.js';
import { decodeJson } from '../../json-value.js';

/** The mark-renewed modal's private_metadata: which certificate, and the digest to redraw. */
const schema = z.object({
  t: z.string(),
  l: languageSchema,
  channel: z.string().optional(),
  ts: z.string().optional(),
});
export type RenewalMetadata = z.infer<typeof schema>;

export const encodeRenewalMetadata = (m: RenewalMetadata) => JSON.stringify(m);

export const decodeRenewalMetadata = (text: string | undefined): RenewalMetadata | undefined =>
  decodeJson(schema, text);
