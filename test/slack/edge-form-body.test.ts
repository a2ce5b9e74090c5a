import assert from 'node:assert/strict';
import { parse } from 'node:querystring';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseFormBody } from '../../src/slack/edge/form-body.js';

/** What Bolt's own receiver would have handed the listeners for the same body. */
const bolt = (body: string) => ({ ...parse(body) });
const ours = (body: string) => ({ ...parseFormBody(Buffer.from(body)) });

describe('a form body is parsed once, as node:querystring parses it', () => {
  it('for any fields encoded as Slack encodes them', () => {
    const field = fc.tuple(fc.string({ minLength: 1 }), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(fc.array(field, { maxLength: 12 }), (fields) => {
        const body = fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        assert.deepEqual(ours(body), bolt(body));
      }),
    );
  });

  it('for any text of whole escapes, pluses, repeated and empty fields, and escapes that are not UTF-8', () => {
    const piece = fc.constantFrom('a', '=', '&', '+', '%41', '%e3%81', '%E3%81%82', '%C3%A9', ' ', 'text');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const body = pieces.join('');
        assert.deepEqual(ours(body), bolt(body));
      }),
    );
  });

  it('a body with broken escapes (which Slack never sends) is still read, never thrown on', () => {
    const piece = fc.constantFrom('a', '=', '&', '+', '%', '%2', '%ZZ', '%E3%81%82', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const fields = parseFormBody(Buffer.from(pieces.join('')));
        for (const value of Object.values(fields)) {
          assert.ok(typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string')));
        }
      }),
    );
  });

  it('a paste keeps every character, and a field named __proto__ is only a field', () => {
    const paste = 'Event ID:\t12015\nThumbprint: 3BFB D8DF\n証明書 100% + <!channel>';
    const body = `text=${encodeURIComponent(paste)}&__proto__=x&user_id=U1&user_id=U2`;
    const fields = parseFormBody(Buffer.from(body));
    assert.equal(fields.text, paste);
    assert.deepEqual(fields.user_id, ['U1', 'U2']);
    assert.equal(Object.getPrototypeOf(fields), null);
    assert.equal(Object.getOwnPropertyDescriptor(fields, '__proto__')?.value, 'x');
  });

  it('decodes over the body it was given (no second copy), and a skipped field is never decoded', () => {
    const paste = '証明書 100% + <!channel>';
    const raw = Buffer.from(`command=%2Fcertcheck&text=${encodeURIComponent(paste)}&user_id=U1`);
    const skipped = parseFormBody(Buffer.from(raw), new Set(['text']));
    assert.deepEqual({ ...skipped }, { command: '/certcheck', text: '', user_id: 'U1' });
    const body = Buffer.from(raw);
    assert.deepEqual({ ...parseFormBody(body) }, { command: '/certcheck', text: paste, user_id: 'U1' });
    assert.notDeepEqual(body, raw, 'the escapes were decoded in the body itself');
  });
});
