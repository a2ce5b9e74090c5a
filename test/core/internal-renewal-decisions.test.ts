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

describe('the overwrite prompt: a self-signed copy of a CA certificate, and the answer already typed', () => {
  const COPY = '902C6E8D3A2B9959607E9F43A84742E0ED7D2181';
  const CA = 'D5795A6F9706FE43E1A0CC568FC4657D6D22A561';
  const OWN = 'F20666E28C17A75EB552D7290567C81E8C4DE095';
  const question = {
    en: 'Our GoDaddy cert expires soon, I renewed it with the pipe a blog showed. Can I enable the new one for IIS,SMTP?',
    ja: 'GoDaddy の証明書がもうすぐ期限切れなので、ブログのとおりパイプで更新しました。新しい証明書を IIS,SMTP に割り当ててよいですか?',
  } as const;
  const prompt = (language: 'en' | 'ja', typed: string, newer: string) =>
    language === 'en'
      ? `Confirm
Overwrite the existing default SMTP certificate?

Current certificate: '${OWN}' (expires 2/14/2030 8:12:40 AM)
Replace it with certificate: '${newer}' (expires 11/28/2031 2:37:12 AM)
[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is "Y"):${typed ? ` ${typed}` : ''}`
      : `確認
既存の既定の SMTP 証明書を上書きしますか?

現在の証明書 : "${OWN}" (有効期限:2030/02/14 8:12:40)
次の証明書で置き換えます : "${newer}" (有効期限:2031/11/28 2:37:12)
[Y] はい(Y)  [A] すべて続行(A)  [N] いいえ(N)  [L] すべて無視(L)  [?] ヘルプ (既定値は "Y"):${typed ? ` ${typed}` : ''}`;
  const server = (
    release: Release,
    edge: boolean,
  ) => `[PS] C:\\>Get-ExchangeServer EX01 | fl Name,ServerRole,AdminDisplayVersion

Name                : EX01
ServerRole          : ${edge ? 'Edge' : release === '2010' ? 'ClientAccess, HubTransport' : 'Mailbox'}
AdminDisplayVersion : ${BUILDS[release]}
`;
  const listing = (
    copyListed: boolean,
    ownSelfSigned = true,
  ) => `[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,IsSelfSigned,NotAfter,Services
${
  copyListed
    ? `
Thumbprint   : ${COPY}
Subject      : CN=mail.contoso.com
Issuer       : CN=mail.contoso.com
IsSelfSigned : True
NotAfter     : 11/28/2031 2:37:12 AM
Services     : None
`
    : ''
}
Thumbprint   : ${CA}
Subject      : CN=mail.contoso.com
Issuer       : CN=Go Daddy Secure Certificate Authority - G2, OU=http://certs.godaddy.com/repository/, O="GoDaddy.com, Inc.", L=Scottsdale, S=Arizona, C=US
IsSelfSigned : False
NotAfter     : 12/7/2026 11:59:59 PM
Services     : IMAP, POP, IIS, SMTP

Thumbprint   : ${OWN}
Subject      : CN=EX01
Issuer       : CN=EX01
IsSelfSigned : ${ownSelfSigned ? 'True' : 'False'}
NotAfter     : 2/14/2030 8:12:40 AM
Services     : IMAP, POP, SMTP
`;
  const paste = (language: 'en' | 'ja', release: Release, edge: boolean, typed: string, copyListed: boolean) =>
    `${question[language]}

${server(release, edge)}
[PS] C:\\>Get-ExchangeCertificate -Thumbprint ${CA} | New-ExchangeCertificate

${prompt(language, typed, COPY)}

${listing(copyListed)}`;

  const answersY = (text: string) => /\banswer Y\b|Y と答え/.test(text);
  for (const language of ['en', 'ja'] as const)
    for (const release of Object.keys(BUILDS) as Release[])
      for (const edge of release === '2010' ? [false] : [false, true])
        for (const typed of ['', 'n', 'N', 'y', 'A'])
          for (const copyListed of [true, false]) {
            const name = `${language} ${release}${edge ? ' Edge' : ''}, typed '${typed}', copy ${copyListed ? 'listed' : 'only piped'}`;
            it(name, () => {
              const d = diagnose(paste(language, release, edge, typed, copyListed), { now: REFERENCE_NOW });
              assert.equal(d.language, language);
              const finding = d.findings.find((f) => f.code === 'SMTP_OVERWRITE_PROMPT');
              assert.equal(finding?.severity, 'warning', finding?.message);
              assert.match(finding?.message ?? '', /-GenerateRequest/);
              const ids = d.steps.map((s) => s.id);
              const commands = d.steps.map((s) => s.command ?? '').join('\n');
              const yTyped = typed === 'y' || typed === 'A';
              assert.equal(ids.includes('copy-not-renewal'), !yTyped, ids.join(' '));
              assert.equal(ids.includes('copy-typed-y'), yTyped, ids.join(' '));
              // The copy is never enabled, and Y is said only to give the role back to the server's own certificate.
              assert.doesNotMatch(commands, new RegExp(`Enable-ExchangeCertificate -Thumbprint ${COPY}`));
              for (const step of d.steps)
                if (answersY(step.title)) assert.equal(step.id, 'restore-internal-previous', step.title);
              if (yTyped)
                assert.match(commands, new RegExp(`Enable-ExchangeCertificate -Thumbprint ${OWN} -Services SMTP`));
              // Removed after the step that shows it serves nothing; the CA certificate and Setup's stay.
              const shown = ids.indexOf('show-copy-uses');
              const removed = ids.indexOf('remove-copy');
              assert.ok(shown >= 0 && shown < removed, ids.join(' '));
              assert.match(
                d.steps[removed]?.command ?? '',
                new RegExp(`^Remove-ExchangeCertificate -Thumbprint ${COPY}$`),
              );
              assert.doesNotMatch(commands, new RegExp(`Remove-ExchangeCertificate -Thumbprint (?:${CA}|${OWN})`));
              const cmdlet = release === '2010' ? 'Get-TransportServer' : 'Get-TransportService';
              assert.match(
                d.steps[shown]?.command ?? '',
                new RegExp(`${cmdlet} EX01 \\| fl InternalTransportCertificateThumbprint`),
              );
              assert.ok(d.steps.some((s) => s.id === 'verify-copy-gone'));
            });
          }

  // Not a copy: the answer follows the issuer, and an answer already typed is judged, not asked again.
  const enable = (thumbprint: string) =>
    `[PS] C:\\>Enable-ExchangeCertificate -Thumbprint ${thumbprint} -Services IIS,SMTP`;
  const makeOwn = '[PS] C:\\>New-ExchangeCertificate -DomainName ex01.contoso.local,EX01 -Services SMTP';
  const SELF = '3A0A5C7E9B1D2F4061728394A5B6C7D8E9F00112';
  const selfListed = `Thumbprint   : ${SELF}
Subject      : CN=EX01
Issuer       : CN=EX01
IsSelfSigned : True
NotAfter     : 11/28/2031 2:37:12 AM
Services     : SMTP
`;
  const rows: [string, string, string, string[], string[]][] = [
    [
      'a CA certificate, N typed',
      enable(CA),
      'n',
      ['overwrite-answered-right', 'verify-internal-kept'],
      ['restore-internal-previous'],
    ],
    [
      'a CA certificate, Y typed',
      enable(CA),
      'y',
      ['restore-internal-previous', 'confirm-internal-previous'],
      ['overwrite-answered-right'],
    ],
    [
      'a CA certificate, not answered yet',
      enable(CA),
      '',
      ['overwrite-answer-n-ca', 'verify-internal-kept'],
      ['overwrite-answered-right'],
    ],
    [
      'the server’s own self-signed, Y typed',
      makeOwn,
      'y',
      ['overwrite-answered-right', 'confirm-internal'],
      ['overwrite-redo-y'],
    ],
    [
      'the server’s own self-signed, N typed',
      makeOwn,
      'n',
      ['overwrite-redo-y', 'confirm-internal'],
      ['overwrite-answered-right'],
    ],
    [
      'the server’s own self-signed, not answered yet',
      makeOwn,
      '',
      ['overwrite-answer-y', 'confirm-internal'],
      ['overwrite-redo-y'],
    ],
  ];
  for (const language of ['en', 'ja'] as const)
    for (const release of ['2010', '2016', 'SE'] as const)
      for (const [name, command, typed, present, absent] of rows)
        it(`${language} ${release}: ${name}`, () => {
          const newer = command === makeOwn ? SELF : CA;
          const text = `${question[language]}\n\n${server(release, false)}\n${command}\n\n${prompt(language, typed, newer)}\n\n${listing(false)}${
            newer === SELF ? `\n${selfListed}` : ''
          }`;
          const d = diagnose(text, { now: REFERENCE_NOW });
          const ids = d.steps.map((s) => s.id);
          for (const id of present) assert.ok(ids.includes(id), `${id} in ${ids.join(' ')}`);
          for (const id of absent) assert.ok(!ids.includes(id), `${id} not in ${ids.join(' ')}`);
          assert.ok(!ids.includes('copy-not-renewal'), ids.join(' '));
          const finding = d.findings.find((f) => f.code === 'SMTP_OVERWRITE_PROMPT');
          if (typed)
            assert.match(
              finding?.message ?? '',
              language === 'en' ? /You typed [YN] already/ : /すでに [YN] を入力済み/,
            );
        });
});

describe('a copy of a CA certificate seen through a table without issuers', () => {
  const COPY = '902C6E8D3A2B9959607E9F43A84742E0ED7D2181';
  const CA = 'D5795A6F9706FE43E1A0CC568FC4657D6D22A561';
  const OWN = 'F20666E28C17A75EB552D7290567C81E8C4DE095';
  const table = (listCopy: boolean) => `[PS] C:\\>Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject
Thumbprint                               Services NotAfter              Subject
----------                               -------- --------              -------
${listCopy ? `${COPY} .......  11/28/2031 2:37:12 AM CN=mail.contoso.com\n` : ''}${CA} IP.WS..  12/7/2026 11:59:59 PM CN=mail.contoso.com
${OWN} IP..S..  2/14/2030 8:12:40 AM  CN=EX01
`;
  const prompt = (
    piped: string,
    typed: string,
  ) => `[PS] C:\\>Get-ExchangeCertificate -Thumbprint ${piped} | New-ExchangeCertificate

Confirm
Overwrite the existing default SMTP certificate?

Current certificate: '${OWN}' (expires 2/14/2030 8:12:40 AM)
Replace it with certificate: '${COPY}' (expires 11/28/2031 2:37:12 AM)
[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is "Y"):${typed ? ` ${typed}` : ''}`;
  const question = {
    en: 'EX01 (2016 CU23): the Sectigo certificate expires in 9 days, I renewed it with this.',
    ja: 'EX01 (2016 CU23): Sectigo の証明書があと 9 日で期限切れなので、これで更新しました。',
  } as const;
  for (const language of ['en', 'ja'] as const)
    for (const typed of ['', 'n', 'y'])
      for (const listCopy of [true, false])
        it(`${language}, typed '${typed}', copy ${listCopy ? 'in the table' : 'not listed'}`, () => {
          const d = diagnose(`${question[language]}\n\n${prompt(CA, typed)}\n\n${table(listCopy)}`, {
            now: REFERENCE_NOW,
          });
          const ids = d.steps.map((s) => s.id);
          assert.ok(ids.includes(typed === 'y' ? 'copy-typed-y' : 'copy-not-renewal'), ids.join(' '));
          for (const step of d.steps)
            if (/\banswer Y\b|Y と答え/.test(step.title))
              assert.equal(step.id, 'restore-internal-previous', step.title);
          const commands = d.steps.map((s) => s.command ?? '').join('\n');
          // A table shows no issuer: a step that would enable the copy only ever stands under "if IsSelfSigned is False".
          for (const step of d.steps)
            if (new RegExp(`Enable-ExchangeCertificate -Thumbprint ${COPY}`).test(step.command ?? ''))
              assert.match(step.title, /IsSelfSigned (?:is |shows |が )?False/, step.title);
          assert.match(commands, new RegExp(`Remove-ExchangeCertificate -Thumbprint ${COPY}`));
        });
  // The server's own self-signed certificate piped is a self-signed renewal: Y, no copy.
  for (const language of ['en', 'ja'] as const)
    it(`${language}: the server's own self-signed certificate piped is renewed with Y`, () => {
      const own =
        language === 'en'
          ? 'EX01 (2016 CU23): renewing the self-signed one.'
          : 'EX01 (2016 CU23): 自己署名証明書を更新します。';
      const d = diagnose(`${own}\n\n${prompt(OWN, '')}\n\n${table(false)}`, { now: REFERENCE_NOW });
      const ids = d.steps.map((s) => s.id);
      assert.ok(ids.includes('overwrite-answer-y'), ids.join(' '));
      assert.ok(!ids.includes('copy-not-renewal'), ids.join(' '));
    });
});
