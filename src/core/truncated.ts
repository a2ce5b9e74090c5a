/**
 * A value PowerShell's Format-Table (or a collection past $FormatEnumerationLimit) cut short ends in
 * `...` (Windows PowerShell) or `…` (PowerShell 7). What is left is a prefix: it can tell a known
 * name apart, but it is never the whole value.
 */
const CUT = /(?:\.{3}|…)$/;

export function isCut(value: string): boolean {
  return CUT.test(value.trim());
}

/** The part that was printed, without the ellipsis; undefined when the value was not cut. */
export function cutPrefix(value: string): string | undefined {
  const trimmed = value.trim();
  return CUT.test(trimmed) ? trimmed.replace(CUT, '').trimEnd() : undefined;
}

/**
 * `value` is `known` itself, or a prefix of it cut by the table that still holds at least
 * `minimum` characters (case-insensitive).
 */
export function isOrCutFrom(value: string, known: string, minimum: number): boolean {
  const lower = value.trim().toLowerCase();
  const want = known.toLowerCase();
  if (lower === want) return true;
  const prefix = cutPrefix(lower);
  return prefix !== undefined && prefix.length >= minimum && want.startsWith(prefix);
}
