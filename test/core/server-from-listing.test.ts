import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// Get-ExchangeCertificate (and certutil -store) without -Server lists the local store, where Setup's
// certificate is named after the server itself: the request, import and enable steps run there and say
// so. Two Setup certificates (a loop over servers) settle nothing, and the steps name no server.

const listing = (question: string, setupHosts: string[]) => `${question}

[PS] C:\\Windows\\system32>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,CertificateDomains,NotAfter,Services,IsSelfSigned

Thumbprint         : 3202972D310452484BC56ECB2D54ED4FFD78BE51
Subject            : CN=mail.minato-unyu.co.jp
Issuer             : CN=JPRS DV CA G4, O="Japan Registry Services Co., Ltd.", C=JP
CertificateDomains : {mail.minato-unyu.co.jp, autodiscover.minato-unyu.co.jp}
NotAfter           : 11/25/2026 8:59:59 AM
Services           : IIS, SMTP
IsSelfSigned       : False
${setupHosts
  .map(
    (host, i) => `
Thumbprint         : C18920E462A5902EE26EB53A759872E5237B0E2${i}
Subject            : CN=${host}
Issuer             : CN=${host}
CertificateDomains : {${host}, ${host}.minato.local}
NotAfter           : 7/2/2027 2:30:11 PM
Services           : IMAP, POP, IIS, SMTP
IsSelfSigned       : True
`,
  )
  .join('')}`;

const run = (text: string) => diagnose(text, { now: REFERENCE_NOW });
const onServer = (d: Diagnosis, pattern: RegExp) => d.steps.filter((s) => pattern.test(s.command ?? ''));

describe('the server a store listing was run on', () => {
  for (const [lang, question] of [
    ['en', 'Outlook warns about the certificate for everyone since Wednesday. What do I run?'],
    ['ja', 'Outlook を起動すると全員に証明書の警告が出ます。どうすればよいですか?'],
  ] as const) {
    it(`${lang}: is the one Setup certificate's server: the request, import and enable steps say so`, () => {
      const d = run(listing(question, ['EXJ13']));
      assert.equal(d.language, lang);
      const steps = onServer(d, /-GenerateRequest|Import-ExchangeCertificate|Enable-ExchangeCertificate/);
      assert.ok(steps.length >= 3, JSON.stringify(d.steps.map((s) => s.id)));
      for (const step of steps) assert.equal(step.server, 'EXJ13', step.id);
      assert.match(steps[0]?.title ?? '', /EXJ13/);
    });

    it(`${lang}: two Setup certificates name no server, and no placeholder shows in prose`, () => {
      const d = run(listing(question, ['EXJ13', 'EXJ14']));
      for (const step of onServer(d, /-GenerateRequest|Import-ExchangeCertificate/)) {
        assert.equal(step.server, undefined, step.id);
        assert.doesNotMatch(step.title, /<[^>]*>/);
      }
    });
  }
});

describe('the server and AD site the admin names in Japanese without は', () => {
  it('「サーバー EX19-HY01」 names the server the steps run on; 「サイト名 Tokyo-DC」 the site', async () => {
    const { readProseServerNames, readAdSite } = await import('../../src/core/recognize/prose-servers.js');
    assert.deepEqual(readProseServerNames('HCW (Exchange 2019 CU14, サーバー EX19-HY01) を再実行しました'), [
      'EX19-HY01',
    ]);
    assert.equal(readAdSite('メールボックス サーバーは EXSE-MB01 (サイト名 Tokyo-DC) です'), 'Tokyo-DC');
    assert.deepEqual(readProseServerNames('エッジ トランスポート サーバーを 2 台運用しています'), []);
  });
});
