import fc from 'fast-check';

/** Text that looks like what admins paste: junk, graphemes, samples cut and spliced, samples glued together. */
export function pasteLike(samples: readonly string[], joiner = '\n\n'): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 400 }),
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.tuple(fc.constantFrom(...samples), fc.nat(), fc.nat(), fc.string({ maxLength: 50 })).map(([s, a, b, junk]) => {
      const i = a % (s.length + 1);
      const j = b % (s.length + 1);
      return s.slice(0, Math.min(i, j)) + junk + s.slice(Math.max(i, j));
    }),
    fc.array(fc.constantFrom(...samples), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(joiner)),
  );
}
