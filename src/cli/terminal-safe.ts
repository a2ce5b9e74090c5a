/**
 * What a paste carries must not drive the terminal it is printed on: an escape sequence in a
 * certificate subject could recolour, move the cursor, retitle the window or hide a line (a
 * carriage return overwrites what came before). Sequences are removed whole, then every remaining
 * C0/C1 control but newline and tab. Each pattern is a run of single character classes, so the
 * cost stays linear on hostile text.
 */
const SEQUENCES = new RegExp(
  [
    // CSI (ESC [ or its one-byte C1 form): parameters, intermediates, a final byte.
    '(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]?',
    // OSC, DCS, SOS, PM, APC: a string up to BEL or ST (or the end of the line when unterminated).
    '(?:\\u001b[\\]PX^_]|[\\u0090\\u0098\\u009d\\u009e\\u009f])[^\\u0007\\u001b\\u009c\\n]*(?:\\u0007|\\u001b\\\\|\\u009c)?',
    // Any other escape: intermediates and one final byte.
    '\\u001b[\\u0020-\\u002f]*[\\u0030-\\u007e]?',
  ].join('|'),
  'g',
);
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Paste-derived text made inert for a terminal: newlines and tabs stay, every other control goes. */
export function terminalSafe(text: string): string {
  return text.replace(SEQUENCES, '').replace(CONTROLS, '');
}

/**
 * JSON for standard output. JSON.stringify already escapes C0 controls; C1 controls are legal
 * unescaped in JSON, and some terminals act on them, so they are escaped too (same JSON value).
 */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
