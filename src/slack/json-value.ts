import type { z } from 'zod';

/**
 * A value Slack echoes back (a button's `value`, a view's `private_metadata`): JSON certcheck
 * wrote, but a click can be forged or come from an older release, so it is checked again.
 */
export function decodeJson<T extends z.ZodType>(schema: T, text: string | undefined): z.output<T> | undefined {
  if (!text) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
