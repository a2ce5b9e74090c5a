import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Step } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// An old certificate is removed from a server only after checks of that server itself: the 443 binding
// there and its transport events, whichever the certificate served (both when the paste does not say).
// A probe of the load-balanced name reaches one server of several, so it is never the only check, and
// a removal that says "once the checks above pass" always has checks above it on its own server.

const paste = (name: string) =>
  readFileSync(new URL(`../fixtures/removal-checks/${name}.txt`, import.meta.url), 'utf8');

interface Row {
  name: string;
  file: string;
  lang: 'en' | 'ja';
  /** Each server an old certificate is removed from, with the checks it needs before. */
  removals: Record<string, ('check-443-here' | 'verify-events')[]>;
  /** The old certificate's thumbprint, named in the 443 check. */
  old: string;
}

const ROWS: Row[] = [
  {
    name: 'two DAG members, renewed on the first only (IIS and SMTP)',
    file: 'dag-en',
    lang: 'en',
    removals: { EX01: ['check-443-here', 'verify-events'], EX02: ['check-443-here', 'verify-events'] },
    old: '0F1E2D3C4B5A69788796A5B4C3D2E1F009182736',
  },
  {
    name: 'Japanese: two servers, renewed on one, Services cut to IP.WS...',
    file: 'dag-ja',
    lang: 'ja',
    removals: { 'MBX-A': ['check-443-here', 'verify-events'], 'MBX-B': ['check-443-here', 'verify-events'] },
    old: '1F1E2D3C4B5A69788796A5B4C3D2E1F009182736',
  },
  {
    name: 'one server, renewal imported, services unknown (Cert:\\ listing): both checks',
    file: 'one-unknown',
    lang: 'en',
    removals: { EXSRV1: ['check-443-here', 'verify-events'] },
    old: '2F1E2D3C4B5A69788796A5B4C3D2E1F009182736',
  },
  {
    name: 'Japanese: one server, services unknown: both checks',
    file: 'one-ja',
    lang: 'ja',
    removals: { EXJ01: ['check-443-here', 'verify-events'] },
    old: '3F1E2D3C4B5A69788796A5B4C3D2E1F009182736',
  },
  {
    name: 'internal transport self-signed renewed on 12017: its events and 443 before it goes',
    file: 'selfsigned-12017',
    lang: 'en',
    removals: { HUBMBX1: ['check-443-here', 'verify-events'] },
    old: '9A8B7C6D5E4F30211203F4E5D6C7B8A99A8B7C6D',
  },
];

const isRemoval = (s: Step) => /^Remove-ExchangeCertificate\b/m.test(s.command ?? '');

describe('an old certificate is removed from a server only after checks of that server', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const d = diagnose(paste(row.file), { now: REFERENCE_NOW });
      assert.equal(d.language, row.lang);
      const removals = d.steps.filter(isRemoval);
      assert.deepEqual(
        [...new Set(removals.map((s) => s.server))].sort(),
        Object.keys(row.removals).sort(),
        d.steps.map((s) => `${s.id}@${s.server}`).join(' '),
      );
      for (const removal of removals) {
        const at = d.steps.indexOf(removal);
        const before = d.steps.slice(0, at).filter((s) => s.server === removal.server);
        for (const id of row.removals[removal.server ?? ''] ?? []) {
          const check = before.find((s) => s.id === id);
          assert.ok(check, `${removal.server}: no ${id} before the removal: ${before.map((s) => s.id).join(' ')}`);
          if (id === 'verify-events') assert.match(check.command ?? '', /^Get-WinEvent -FilterHashtable/);
          if (id === 'check-443-here') {
            assert.match(check.command ?? '', /netsh http show sslcert ipport=0\.0\.0\.0:443/);
            assert.match(check.title, new RegExp(row.old));
            assert.match(check.title, row.lang === 'ja' ? /443 でその証明書/ : /no longer serves it \(.*\) on 443/);
          }
        }
      }
    });
  }
});
