import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

// An event names its certificate only by thumbprint and FQDN; the admin's sentence about that FQDN
// ("smtp.wingtiptoys.com is a GlobalSign cert") says who issued it, so the renewal is the request to
// the CA without a branch on IsSelfSigned. A hedged sentence leaves the branch.

const NOW = new Date('2026-11-28T12:00:00Z');
const fixture = readFileSync(
  new URL(
    '../fixtures/corpus-extra/n15-ese-event-viewer-xml-view-12018-partner-send-connector-pinned.txt',
    import.meta.url,
  ),
  'utf8',
);
const XML = fixture.slice(fixture.indexOf('<Event '));
const branched = (paste: string) =>
  diagnose(paste, { now: NOW }).steps.some((s) => /IsSelfSigned (?:is|が) (?:True|False)/.test(s.title));
const requested = (paste: string) =>
  diagnose(paste, { now: NOW }).steps.some((s) => /-GenerateRequest/.test(s.command ?? ''));

describe("the admin's word on who issued an event's certificate", () => {
  const decided = [
    `EXSE01, Exchange SE. smtp.wingtiptoys.com is a GlobalSign OV cert we use for SMTP.\n\n${XML}`,
    `EXSE01, Exchange SE. smtp.wingtiptoys.com was issued by our internal CA.\n\n${XML}`,
    `EXSE01 (Exchange Server SE) です。smtp.wingtiptoys.com は社内 CA で発行した証明書です。\n\n${XML}`,
    `EXSE01 (Exchange Server SE) です。smtp.wingtiptoys.com は DigiCert の証明書です。\n\n${XML}`,
  ];
  for (const paste of decided) {
    it(`renews by request without a branch: ${paste.split('\n')[0]}`, () => {
      assert.equal(branched(paste), false);
      assert.equal(requested(paste), true);
    });
  }
  it('a hedge leaves the issuer to be shown first', () => {
    assert.equal(branched(`EXSE01, Exchange SE. smtp.wingtiptoys.com is GlobalSign I think.\n\n${XML}`), true);
  });
  it('a sentence about another name decides nothing', () => {
    assert.equal(branched(`EXSE01, Exchange SE. mail.wingtiptoys.com is a GlobalSign cert.\n\n${XML}`), true);
  });
});
