import { z } from 'zod';
import { trackValueSchema } from '../../blocks/button-values.js';
import { decodeJson } from '../../json-value.js';

/** The track modal's private_metadata (≤ 3000): the Track button's value and where it was pressed. */
const schema = z.object({ v: trackValueSchema, origin: z.string().optional() });
export type TrackMetadata = z.infer<typeof schema>;

export const encodeTrackMetadata = (m: TrackMetadata) => JSON.stringify(m);

export const decodeTrackMetadata = (text: string | undefined): TrackMetadata | undefined => decodeJson(schema, text);
