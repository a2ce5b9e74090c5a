import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const U04 = readFileSync(
  new URL('../fixtures/corpus-extra/u04-se-en-gb-two-servers-renewed-enabled-on-one-only.txt', import.meta.url),
  'utf8',
);
const OLD = 'C1264F76B186E5A654B65D38145C80467FD2C0FD';
const NEW = 'E391E059B5F283A01DD44DA01C42EBC91460139F';

/**
 * One certificate listed on two servers stays one certificate, but what each copy serves and how its
 * dates are checked stay with the server that lists it.
 */
describe('a certificate on two servers: each server keeps its own facts and notes', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: the renewed copy enabled on EXSE01 only is enabled for nothing on EXSE02`, () => {
      const d = diagnose(U04, { now: NOW, lang });
      const services = (server: string, thumbprint: string) =>
        d.servers?.find((s) => s.name === server)?.certificates.find((c) => c.thumbprint === thumbprint)
          ?.servicesHistory;
      const rows: [string, string, string[]][] = [
        ['EXSE01', NEW, ['IIS', 'SMTP']],
        ['EXSE02', NEW, []],
        ['EXSE01', OLD, ['IIS', 'SMTP']],
        ['EXSE02', OLD, ['IIS', 'SMTP']],
      ];
      for (const [server, thumbprint, want] of rows) assert.deepEqual(services(server, thumbprint), want, server);
      // Each ambiguous date is checked on each server that lists the certificate, by its own thumbprint.
      const notes = d.findings.filter((f) => f.code === 'DATE_AMBIGUOUS');
      assert.equal(notes.length, 2);
      for (const note of notes) {
        for (const server of ['EXSE01', 'EXSE02'])
          assert.ok(note.message.includes(`-Thumbprint ${note.thumbprint} -Server ${server}`), note.message);
        assert.doesNotMatch(note.message, /<thumbprint>|<拇印>/);
        if (lang === 'ja') assert.doesNotMatch(note.message, /reads as|took day first/);
      }
    });
  }
});
