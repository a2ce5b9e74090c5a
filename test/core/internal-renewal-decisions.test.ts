import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// The renewal of a server's own self-signed (internal transport) certificate decides from the paste:
// a renewal already done is not made again, and IMAP and POP stay on a valid CA certificate that
// already lists them instead of being copied onto the new self-signed one.

const BUILDS = {
  '2010': 'Version 14.3 (Build 123.4)',
  '2013': 'Version 15.0 (Build 1497.2)',
  '2016': 'Version 15.1 (Build 2507.6)',
  '2019': 'Version 15.2 (Build 1544.4)',
  SE: 'Version 15.2 (Build 2562.17)',
} as const;
type Release = keyof typeof BUILDS;

const transportCmdlet = (release: Release) => (release === '2010' ? 'Get-TransportServer' : 'Get-TransportService');

const commandsOf = (paste: string) => {
  const d = diagnose(paste, { now: REFERENCE_NOW });
  return { d, commands: d.steps.map((s) => s.command ?? '').join('\n'), titles: d.steps.map((s) => s.title) };
};

describe('IMAP and POP stay on a valid CA certificate that already lists them', () => {
  const question = {
    en: 'The self-signed EX07 certificate expired (12015). Safe way to renew it?',
    ja: 'EX07 の自己署名証明書が期限切れです (12015)。安全に更新する手順を教えてください。',
  } as const;
  const fl = (release: Release, caServices: string, caNotAfter: string, oldServices: string) => `${question.en}

[PS] C:\\>Get-ExchangeServer EX07 | fl Name,ServerRole,AdminDisplayVersion

Name                : EX07
ServerRole          : ${release === '2010' ? 'ClientAccess, HubTransport' : 'Mailbox'}
AdminDisplayVersion : ${BUILDS[release]}

[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,IsSelfSigned,NotAfter,Services

Thumbprint   : 8A80D4A91E7A85B23588298C0930324EF897D3E1
Subject      : CN=EX07
Issuer       : CN=EX07
IsSelfSigned : True
NotAfter     : 11/19/2026 10:12:44 AM
Services     : ${oldServices}

Thumbprint   : 3C1F7E0A55B3D2C4E6F8091A2B3C4D5E6F708192
Subject      : CN=mail.contoso.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US
Issuer       : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
IsSelfSigned : False
NotAfter     : ${caNotAfter}
Services     : ${caServices}

[PS] C:\\>${transportCmdlet(release)} EX07 | fl Name,InternalTransportCertificateThumbprint

Name                                   : EX07
InternalTransportCertificateThumbprint : 8A80D4A91E7A85B23588298C0930324EF897D3E1
`;
  // Exchange's ft abbreviations (IP.WS..), the subject cut at the terminal's width, the issuer hidden.
  const ft = (release: Release, caServices: string, caNotAfter: string, oldServices: string) => `${question.ja}
Exchange ${release === 'SE' ? 'Server SE' : release}, EX07

[PS] C:\\>Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject
Thumbprint                               Services NotAfter              Subject
----------                               -------- --------              -------
3C1F7E0A55B3D2C4E6F8091A2B3C4D5E6F708192 ${caServices}  ${caNotAfter} CN=mail.contoso.com, OU=Messaging, O=Contoso Ltd, L=Seat...
8A80D4A91E7A85B23588298C0930324EF897D3E1 ${oldServices}  11/19/2026 10:12:44 AM CN=EX07

[PS] C:\\>${transportCmdlet(release)} EX07 | fl InternalTransportCertificateThumbprint

InternalTransportCertificateThumbprint : 8A80D4A91E7A85B23588298C0930324EF897D3E1
`;
  const valid = '8/31/2027 11:59:59 PM';
  const expired = '10/31/2026 11:59:59 PM';
  const cases: [string, string, boolean][] = [];
  for (const release of Object.keys(BUILDS) as Release[]) {
    cases.push([
      `${release} fl, CA lists IMAP and POP`,
      fl(release, 'IMAP, POP, IIS, SMTP', valid, 'IMAP, POP, SMTP'),
      true,
    ]);
    cases.push([`${release} fl, CA lists POP only`, fl(release, 'POP, IIS', valid, 'IMAP, POP, IIS, SMTP'), true]);
    cases.push([
      `${release} fl, CA lists IIS and SMTP only`,
      fl(release, 'IIS, SMTP', valid, 'IMAP, POP, SMTP'),
      false,
    ]);
    cases.push([
      `${release} fl, the CA certificate expired`,
      fl(release, 'IMAP, POP, IIS, SMTP', expired, 'IMAP, POP, SMTP'),
      false,
    ]);
    cases.push([`${release} ft (ja), IP.WS..`, ft(release, 'IP.WS..', valid, 'IP.WS..'), true]);
    cases.push([`${release} ft (ja), ...WS..`, ft(release, '...WS..', valid, 'IP.WS..'), false]);
  }
  for (const [name, paste, caKeeps] of cases)
    it(name, () => {
      const { d, commands, titles } = commandsOf(paste);
      assert.match(commands, /New-ExchangeCertificate -DomainName [^\n]*-Services SMTP/, 'the self-signed is renewed');
      const copied = /Enable-ExchangeCertificate[^\n]*-Services (?:IMAP|POP)/.test(commands);
      assert.equal(copied, !caKeeps, commands);
      const kept = d.steps.find((s) => s.id === 'imap-pop-stay-on-ca');
      assert.equal(kept !== undefined, caKeeps, titles.join('\n'));
      if (kept) {
        assert.ok(kept.title.includes('3C1F7E0A55B3D2C4E6F8091A2B3C4D5E6F708192'), kept.title);
        assert.match(kept.command ?? '', /Get-ImapSettings -Server EX07 \| fl X509CertificateName/);
      }
      // Never IIS onto the self-signed replacement while the CA certificate is there.
      assert.doesNotMatch(commands, /Enable-ExchangeCertificate[^\n]*-Services[^\n]*IIS[^\n]*\n?[^\n]*self/i);
      if (paste.startsWith(question.ja)) assert.equal(d.language, 'ja');
    });
});

describe('an internal transport certificate already renewed is not renewed again', () => {
  const question = {
    en: (edge: boolean) =>
      edge
        ? 'This is our Edge. Its self-signed cert expired, I ran New-ExchangeCertificate last night and said Y. EdgeSync fails since then.'
        : 'The self-signed EX07 cert expired, I made a new one yesterday and answered Y. What is left?',
    ja: (edge: boolean) =>
      edge
        ? 'これはエッジ サーバーです。自己署名証明書が期限切れになったので昨夜 New-ExchangeCertificate を実行し、Y と答えました。それから EdgeSync が失敗します。'
        : 'EX07 の自己署名証明書が期限切れになったので、昨日新しいものを作成して Y と答えました。残りの作業は何ですか?',
  } as const;
  const paste = (language: 'en' | 'ja', release: Release, edge: boolean, internal: 'new' | 'old') => {
    const name = edge ? 'EDGE07' : 'EX07';
    const role = edge ? 'Edge' : release === '2010' ? 'HubTransport' : 'Mailbox';
    const newer = 'CEC231D0E14FA24D1BD6FAFBF12946359162B77D';
    const older = 'E57D5E4CAA7BFF8AB8374B9E1B4B1269351D084F';
    return `${question[language](edge)}

[PS] C:\\>Get-ExchangeServer ${name} | fl Name,ServerRole,AdminDisplayVersion

Name                : ${name}
ServerRole          : ${role}
AdminDisplayVersion : ${BUILDS[release]}

[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,NotBefore,NotAfter,Services

Thumbprint : ${newer}
Subject    : CN=${name}
Issuer     : CN=${name}
NotBefore  : 11/27/2026 5:48:02 PM
NotAfter   : 11/27/2031 5:48:02 PM
Services   : SMTP

Thumbprint : ${older}
Subject    : CN=${name}
Issuer     : CN=${name}
NotBefore  : 11/26/2021 9:13:40 AM
NotAfter   : 11/26/2026 9:13:40 AM
Services   : SMTP

[PS] C:\\>${transportCmdlet(release)} | fl Name,InternalTransportCertificateThumbprint

Name                                   : ${name}
InternalTransportCertificateThumbprint : ${internal === 'new' ? newer : older}
`;
  };
  for (const language of ['en', 'ja'] as const)
    for (const release of Object.keys(BUILDS) as Release[])
      for (const edge of [true, false]) {
        const where = `${language} ${release} ${edge ? 'Edge' : 'Hub/Mailbox'}`;
        it(`${where}: the newer certificate is the internal transport one: nothing new is made`, () => {
          const { d, commands } = commandsOf(paste(language, release, edge, 'new'));
          assert.equal(d.language, language);
          assert.doesNotMatch(commands, /New-ExchangeCertificate/, commands);
          assert.doesNotMatch(commands, /Remove-ExchangeCertificate -Thumbprint CEC231D0/, commands);
          assert.doesNotMatch(commands, /-Services IIS/, commands);
          const done = d.steps.find((s) => s.id === 'internal-renewed-done');
          assert.ok(done?.title.includes('CEC231D0E14FA24D1BD6FAFBF12946359162B77D'), done?.title);
          // No Y or N is asked for: no prompt comes.
          assert.doesNotMatch(done?.title ?? '', /\b[YN]\b/);
          if (edge) {
            const onEdge = commands.indexOf("New-EdgeSubscription -FileName 'C:\\EdgeSubscription.xml'");
            const onHub = commands.indexOf('New-EdgeSubscription -FileData');
            const check = commands.indexOf('Test-EdgeSynchronization');
            assert.ok(onEdge >= 0 && onEdge < onHub && onHub < check, commands);
          } else assert.doesNotMatch(commands, /New-EdgeSubscription/);
          // The old expired certificate goes only after the checks.
          const remove = commands.indexOf('Remove-ExchangeCertificate -Thumbprint E57D5E4C');
          if (remove >= 0)
            assert.ok(commands.indexOf('Get-WinEvent') < remove || commands.indexOf('Get-EventLog') < remove);
        });
        it(`${where}: the old certificate is still the internal transport one: a new one, answering Y`, () => {
          const { d, commands } = commandsOf(paste(language, release, edge, 'old'));
          assert.match(commands, /New-ExchangeCertificate -DomainName/, commands);
          assert.ok(d.steps.some((s) => s.id === 'new-internal-self-signed'));
          assert.ok(!d.steps.some((s) => s.id === 'internal-renewed-done'));
        });
      }
});
