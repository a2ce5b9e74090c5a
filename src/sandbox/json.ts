/**
 * Reading JSON the way Slack's payloads arrive: untyped, each field checked where it is read. One
 * set of readers for the stand-in, the renderer and the page's requests.
 */

export type Json = Record<string, unknown>;

/** The value as an object, or undefined for anything else (arrays included). */
export const obj = (value: unknown): Json | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;

export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
