import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../../src/core/diagnose.js';
import type { Diagnosis, ExchangeVersion, Step } from '../../../src/core/model.js';
import { REFERENCE_NOW } from '../../helpers/clock.js';
import type { Release } from './cmdlet-data.js';
import { INVARIANTS, type Invariant } from './invariants.js';
import type { Cell, Certificates, EventKind, EventSource, FactsGiven, Role } from './matrix.js';
import { renderPaste } from './paste.js';
import { planOf } from './plan.js';
import { TP, type Truth } from './truth.js';

// Each invariant must catch a deliberately broken plan (the mistakes seen in real answers) and let
// the safe version of the same plan through: a judge that passes everything proves nothing, and one
// that fails safe plans sends the core after the wrong fix.

const ALL: FactsGiven = {
  server: true,
  transport: true,
  authConfig: true,
  sslcert: true,
  connectors: true,
  certificates: true,
};
const NONE: FactsGiven = {
  server: false,
  transport: false,
  authConfig: false,
  sslcert: false,
  connectors: false,
  certificates: false,
};

function scene(
  version: Release,
  role: Role,
  certificates: Certificates,
  event: EventKind,
  source: EventSource,
  facts: FactsGiven,
): { truth: Truth; base: Diagnosis } {
  const cell: Cell = { id: 'control', version, role, certificates, event, source, facts };
  const { text, truth } = renderPaste(cell);
  return { truth, base: diagnose(text, { now: REFERENCE_NOW }) };
}

type S = Step & { when?: string; verify?: string };
const step = (title: string, command?: string, extra: Partial<S> = {}): S => ({
  title,
  role: 'mailbox',
  ...(command !== undefined && { command }),
  ...extra,
});

function judge(check: Invariant, truth: Truth, base: Diagnosis, steps: S[], version?: ExchangeVersion) {
  const plan = planOf({ ...base, steps, exchangeVersion: version ?? base.exchangeVersion });
  return check(truth, plan);
}

const byId = (id: string): Invariant => {
  const found = INVARIANTS.find((i) => i.id === id);
  if (!found) throw new Error(`no invariant ${id}`);
  return found.check;
};

const VERIFY = step(
  'After a few minutes, check that the events stopped',
  "Get-WinEvent -FilterHashtable @{LogName='Application'; Id=12014,12015,12016; StartTime=(Get-Date).AddMinutes(-15)} -ErrorAction SilentlyContinue",
);
const SHOW_443 = step(
  'Show which certificate the Default Web Site serves on 443',
  "Import-Module WebAdministration\nGet-WebBinding -Name 'Default Web Site' -Protocol https | fl bindingInformation,certificateHash",
);

describe('invariant 1: no IIS onto a self-signed certificate', () => {
  const check = byId('1');
  it('catches IIS enabled on a new self-signed certificate while a valid CA certificate serves IIS', () => {
    const { truth, base } = scene('2016', 'hub-mailbox', 'valid-ca-iis-smtp', '12015', 'transport', ALL);
    const broken = [
      step('Renew', `Get-ExchangeCertificate -Thumbprint ${TP.setup} | New-ExchangeCertificate`),
      step(
        'Enable IIS on the new certificate',
        'Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS',
      ),
    ];
    assert.match(
      judge(check, truth, base, broken)
        .map((v) => v.message)
        .join('\n'),
      /CA\) serves IIS/,
    );
    assert.deepEqual(judge(check, truth, base, [broken[0] as S]), []);
  });
  it('wants a named condition after the 443 binding when the paste does not say what serves IIS', () => {
    const { truth, base } = scene('2016', 'unknown', 'expired-self-signed', '12015', 'transport', NONE);
    const unconditional = step('Enable IIS', 'Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS');
    assert.equal(judge(check, truth, base, [unconditional]).length, 1);
    const branch = { ...unconditional, when: 'iisServedByExpiredSetupCert' };
    assert.equal(
      judge(check, truth, base, [branch]).length,
      1,
      'a condition before the binding is shown is not enough',
    );
    assert.deepEqual(judge(check, truth, base, [SHOW_443, branch]), []);
  });
});

describe('invariant 1, when the paste shows what serves 443', () => {
  it('catches moving IIS off the certificate the 443 binding shows, even under a condition', () => {
    const { truth, base } = scene('2016', 'hub-mailbox', 'unknown-issuer', '12015', 'transport', ALL);
    const branch = step(
      'If the 443 binding shows the expired certificate: enable the new one for IIS',
      'Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS',
      { when: 'iisServedByExpiredSetupCert' },
    );
    assert.match(
      byId('1')(truth, planOf({ ...base, steps: [SHOW_443, branch] }))
        .map((x) => x.message)
        .join('\n'),
      /which the paste shows on 443/,
    );
  });
});

describe('invariant 2: no removal of a certificate that may still be bound', () => {
  const check = byId('2');
  const { truth, base } = scene('2019', 'hub-mailbox', 'expired-self-signed', '12015', 'transport', NONE);
  const remove = step('Remove the old certificate', `Remove-ExchangeCertificate -Thumbprint ${TP.setup}`);
  it('catches removing the self-signed certificate on 2013+ without rebinding Back End 444 first', () => {
    assert.match(
      judge(check, truth, base, [remove], '2013+')
        .map((v) => v.message)
        .join('\n'),
      /444/,
    );
  });
  const rebind = step(
    'Bind Exchange Back End (https 444) to the new certificate',
    "Import-Module WebAdministration\n$b = Get-WebBinding -Name 'Exchange Back End' -Protocol https -Port 444\n$b.RemoveSslCertificate()\n$b.AddSslCertificate('<new thumbprint>', 'My')",
  );
  it('lets it through after the 444 rebind, not after merely showing the binding', () => {
    const show = step('Show the certificate on Exchange Back End (444)', 'netsh http show sslcert ipport=0.0.0.0:444');
    assert.equal(judge(check, truth, base, [SHOW_443, show, remove], '2013+').length, 1);
    assert.deepEqual(judge(check, truth, base, [SHOW_443, rebind, remove], '2013+'), []);
  });
  it('catches a removal while 443 may still be bound to the certificate, until the binding is shown', () => {
    const messages = judge(check, truth, base, [rebind, remove], '2013+').map((x) => x.message);
    assert.deepEqual(messages, ['removes a certificate that may still serve 443 before the binding is shown']);
    // Showing Exchange Back End (444) is not showing Default Web Site (443).
    const show444 = step(
      'Show the certificate on Exchange Back End (444)',
      'netsh http show sslcert ipport=0.0.0.0:444',
    );
    assert.equal(judge(check, truth, base, [show444, rebind, remove], '2013+').length, 1);
    // The paste settles it: 443 shown on the CA certificate, so the expired self-signed one is off it.
    const shown = scene('2019', 'hub-mailbox', 'valid-ca-iis-smtp', '12015', 'transport', ALL);
    const setupRemoval = step('Remove the old certificate', `Remove-ExchangeCertificate -Thumbprint ${TP.setup}`);
    assert.ok(
      !judge(check, shown.truth, shown.base, [rebind, setupRemoval], '2013+').some((x) => /443/.test(x.message)),
    );
  });
  it('catches removing the current Auth certificate and the CA certificate that serves IIS', () => {
    const all = scene('2016', 'hub-mailbox', 'valid-ca-iis-smtp', 'none', 'transport', ALL);
    const messages = judge(check, all.truth, all.base, [
      step('x', `Remove-ExchangeCertificate -Thumbprint ${TP.auth}`),
      step('y', `Remove-ExchangeCertificate -Thumbprint ${TP.ca}`),
    ]).map((v) => v.message);
    assert.ok(messages.some((m) => /current Auth/.test(m)));
    assert.ok(messages.some((m) => /serves IIS/.test(m)));
  });
});

describe('invariant 3: CA-issued certificates renew through a request', () => {
  const check = byId('3');
  const { truth, base } = scene('2019', 'hub-mailbox', 'expired-ca', 'none', 'transport', ALL);
  it('catches a CA certificate piped into New-ExchangeCertificate without -GenerateRequest', () => {
    const broken = [step('Renew', `Get-ExchangeCertificate -Thumbprint ${TP.ca} | New-ExchangeCertificate`)];
    assert.match(
      judge(check, truth, base, broken)
        .map((v) => v.message)
        .join('\n'),
      /without -GenerateRequest/,
    );
  });
  it('catches a request that is never imported', () => {
    const request = step(
      'Request',
      `$txt = Get-ExchangeCertificate -Thumbprint ${TP.ca} | New-ExchangeCertificate -GenerateRequest`,
    );
    assert.match(
      judge(check, truth, base, [request])
        .map((v) => v.message)
        .join('\n'),
      /imports/,
    );
  });
  it('lets request → import → enable through', () => {
    const good = [
      step('Request', `$txt = Get-ExchangeCertificate -Thumbprint ${TP.ca} | New-ExchangeCertificate -GenerateRequest`),
      step(
        'Import',
        "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('<path to the issued .cer>'))",
      ),
      step('Enable; answer N', 'Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS,SMTP'),
    ];
    assert.deepEqual(judge(check, truth, base, good), []);
  });
});

describe('invariant 4: one answer per overwrite prompt', () => {
  const check = byId('4');
  const { truth, base } = scene('2016', 'hub-mailbox', 'expired-self-signed', '12015', 'transport', ALL);
  it('catches Y and N for the same new certificate in one plan', () => {
    const broken = [
      step(
        'Create a new certificate; answer Y to overwrite the default SMTP certificate',
        'New-ExchangeCertificate -DomainName EX16 -Services SMTP',
      ),
      step(
        'Create a certificate; answer N when asked to overwrite',
        'New-ExchangeCertificate -DomainName EX16 -Services SMTP',
      ),
    ];
    assert.match(
      judge(check, truth, base, broken)
        .map((v) => v.message)
        .join('\n'),
      /answers N where step 1 answers Y/,
    );
    assert.deepEqual(judge(check, truth, base, [broken[0] as S]), []);
  });
  it('catches an answer left to a fact shown only after the prompt', () => {
    const blind = scene('2016', 'unknown', 'expired-self-signed', 'none', 'transport', { ...NONE, certificates: true });
    const broken = [
      step(
        'Renew; answer Y only if this is the internal transport certificate (see the next step), otherwise N',
        'New-ExchangeCertificate -DomainName EX16 -Services SMTP',
      ),
    ];
    assert.match(
      judge(check, blind.truth, blind.base, broken)
        .map((v) => v.message)
        .join('\n'),
      /only after the prompt/,
    );
    const show = step(
      'Show the internal transport certificate',
      'Get-TransportService EX16 | fl InternalTransportCertificateThumbprint',
    );
    assert.deepEqual(judge(check, blind.truth, blind.base, [show, ...broken]), []);
  });
  it('catches a check that the internal transport certificate is now the new one after N in the same branch', () => {
    const answerN = step(
      "If IsSelfSigned is True: On EX16: create a new self-signed certificate for the server's own names, for SMTP. Asked to overwrite the default SMTP certificate, answer N",
      'New-ExchangeCertificate -DomainName ex16.contoso.com,EX16 -Services SMTP',
      { server: 'EX16' },
    );
    const isNew = step(
      'If IsSelfSigned is True: On EX16: confirm that the internal transport certificate is now the new thumbprint',
      'Get-TransportService EX16 | fl InternalTransportCertificateThumbprint',
      { server: 'EX16' },
    );
    assert.match(
      judge(check, truth, base, [answerN, isNew])
        .map((v) => v.message)
        .join('\n'),
      /now the new one although step 1 answers N/,
    );
    const kept = step(
      'If IsSelfSigned is True: On EX16: confirm that the internal transport certificate is still the one it was',
      'Get-TransportService EX16 | fl InternalTransportCertificateThumbprint',
      { server: 'EX16' },
    );
    assert.deepEqual(judge(check, truth, base, [answerN, kept]), []);
    // The other outcome's check is that outcome's own.
    const otherBranch = { ...isNew, title: isNew.title.replace('If IsSelfSigned is True', 'If IsSelfSigned is False') };
    assert.deepEqual(judge(check, truth, base, [answerN, otherBranch]), []);
  });
  it('catches Y for a CA-issued certificate', () => {
    const broken = [step('Enable it; answer Y', `Enable-ExchangeCertificate -Thumbprint ${TP.setup} -Services SMTP`)];
    const ca = scene('2016', 'hub-mailbox', 'valid-ca-iis-smtp', 'none', 'transport', ALL);
    const withCa = [step('Enable it; answer Y', `Enable-ExchangeCertificate -Thumbprint ${TP.ca} -Services SMTP`)];
    assert.match(
      judge(check, ca.truth, ca.base, withCa)
        .map((v) => v.message)
        .join('\n'),
      /CA-issued/,
    );
    assert.deepEqual(judge(check, truth, base, broken), []);
  });
});

describe('invariant 5: the right services restarted', () => {
  const check = byId('5');
  const fix = step('Enable the certificate for SMTP', `Enable-ExchangeCertificate -Thumbprint ${TP.ca} -Services SMTP`);
  it('catches restarting only MSExchangeTransport for a front end 12014', () => {
    const { truth, base } = scene('2019', 'hub-mailbox', 'valid-ca-iis-smtp', '12014-could', 'frontend', ALL);
    const broken = [fix, step('Restart transport', 'Restart-Service MSExchangeTransport')];
    assert.match(
      judge(check, truth, base, broken, '2013+')
        .map((v) => v.message)
        .join('\n'),
      /msexchangefrontendtransport/,
    );
    const good = [fix, step('Restart front end transport', 'Restart-Service MSExchangeFrontEndTransport')];
    assert.deepEqual(judge(check, truth, base, good, '2013+'), []);
  });
  it('wants both transport services on 2013+ when the source is unknown, and Service Host after an Auth change', () => {
    const { truth, base } = scene('2016', 'hub-mailbox', 'valid-ca-iis-smtp', '12014-could', 'unknown', ALL);
    const broken = [fix, step('Restart transport', 'Restart-Service MSExchangeTransport')];
    assert.equal(judge(check, truth, base, broken, '2013+').length, 1);
    const auth = [step('Publish', 'Set-AuthConfig -PublishCertificate'), step('Restart', 'iisreset /noforce')];
    assert.match(
      judge(check, truth, base, auth, '2013+')
        .map((v) => v.message)
        .join('\n'),
      /MSExchangeServiceHost/,
    );
  });
});

describe('invariant 6: version- and OS-correct commands', () => {
  const check = byId('6');
  it('catches Get-TransportService on Exchange 2010', () => {
    const { truth, base } = scene('2010', 'hub-mailbox', 'expired-self-signed', '12015', 'transport', ALL);
    const broken = [step('Show', 'Get-TransportService EX10 | fl InternalTransportCertificateThumbprint')];
    assert.match(
      judge(check, truth, base, broken, '2010')
        .map((v) => v.message)
        .join('\n'),
      /Get-TransportService does not exist on Exchange 2010/,
    );
    const good = [step('Show', 'Get-TransportServer EX10 | fl InternalTransportCertificateThumbprint')];
    assert.deepEqual(judge(check, truth, base, good, '2010'), []);
  });
  it('catches Get-WinEvent and -FileData where Exchange 2007 on Windows Server 2003 has neither', () => {
    const { truth, base } = scene('2007', 'cas-hub', 'expired-self-signed', '12015', 'transport', ALL);
    const broken = [
      VERIFY,
      step('Import', "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\c.cer'))"),
    ];
    const messages = judge(check, truth, base, broken, '2007')
      .map((v) => v.message)
      .join('\n');
    assert.match(messages, /Get-WinEvent does not exist on Windows Server 2003/);
    assert.match(messages, /-FileData does not exist on Exchange 2007/);
  });
  it('catches an Edge re-subscription export on a server the paste shows is a Hub', () => {
    const { truth, base } = scene('2007', 'hub-mailbox', 'expired-self-signed', '12015', 'transport', ALL);
    const broken = [step('Subscribe the Edge again', 'New-EdgeSubscription -FileName C:\\EdgeSubscription.xml')];
    assert.match(
      judge(check, truth, base, broken, '2007')
        .map((x) => x.message)
        .join('\n'),
      /Edge-only step/,
    );
    const hub = [step('Check EdgeSync', 'Test-EdgeSynchronization -ExcludeRecipientTest')];
    assert.deepEqual(judge(check, truth, base, hub, '2007'), []);
  });
  it('catches a diagnosis that ignores the version the paste shows', () => {
    const { truth, base } = scene('2010', 'hub-mailbox', 'expired-self-signed', '12015', 'transport', ALL);
    assert.match(
      judge(check, truth, base, [], '2013+')
        .map((v) => v.message)
        .join('\n'),
      /paste shows Exchange 2010/,
    );
  });
});

describe('invariant 7: commands parse, stand alone and run on one server', () => {
  const check = byId('7');
  const { truth, base } = scene('2019', 'hub-mailbox', 'valid-ca-iis-smtp', '12014-could', 'frontend', ALL);
  it('catches &&, an undefined $n, a broken DN quote and a block for two servers', () => {
    const broken = [
      step('a', 'Restart-Service MSExchangeTransport && Restart-Service MSExchangeFrontEndTransport'),
      step('b', 'Set-ReceiveConnector "EX19\\Default Frontend EX19" -TlsCertificateName $n'),
      step(
        'c',
        'New-ExchangeCertificate -GenerateRequest -SubjectName "CN=mail.contoso.co.jp, O="Tokyo Kogyo Co., Ltd.", C=JP"',
      ),
      step(
        'd',
        'New-EdgeSubscription -FileName C:\\e.xml   # on the Edge\nNew-EdgeSubscription -FileName C:\\e.xml -Site "<AD site>"   # on the Hub',
      ),
    ];
    const messages = judge(check, truth, base, broken).map((v) => `${v.step}: ${v.message}`);
    assert.ok(
      messages.some((m) => m.startsWith('1: ') && /&&/.test(m)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => m.startsWith('2: ') && /\$n/.test(m)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => m.startsWith('3: ') && /parse/.test(m)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => m.startsWith('4: ') && /more than one server/.test(m)),
      messages.join('\n'),
    );
  });
  it('lets a self-contained block through', () => {
    const good = step(
      'Pin the new certificate',
      `$c = Get-ExchangeCertificate -Thumbprint <new thumbprint>\n$n = "<I>$($c.Issuer)<S>$($c.Subject)"\nSet-ReceiveConnector "EX19\\Default Frontend EX19" -TlsCertificateName $n`,
    );
    assert.deepEqual(judge(check, truth, base, [good]), []);
  });
});

describe('invariant 8: connector changes scoped, SMTP first, both hybrid ends', () => {
  const check = byId('8');
  const { truth, base } = scene('2019', 'hub-mailbox', 'expired-ca', '12014-could', 'frontend', ALL);
  const pin = (target: string) =>
    `$c = Get-ExchangeCertificate -Thumbprint <new thumbprint>\n$n = "<I>$($c.Issuer)<S>$($c.Subject)"\n${target}`;
  it('catches a pipeline that re-pins every pinned send connector', () => {
    const broken = [
      step('Pin', pin('Get-SendConnector | ? { $_.TlsCertificateName } | Set-SendConnector -TlsCertificateName $n')),
    ];
    assert.match(
      judge(check, truth, base, broken)
        .map((v) => v.message)
        .join('\n'),
      /every connector/,
    );
  });
  it('catches pinning before SMTP is enabled and one hybrid end left out', () => {
    const broken = [
      step('Import', "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\c.cer'))"),
      step('Pin', pin('Set-ReceiveConnector "EX19\\Default Frontend EX19" -TlsCertificateName $n')),
    ];
    const messages = judge(check, truth, base, broken)
      .map((v) => v.message)
      .join('\n');
    assert.match(messages, /before enabling it for SMTP/);
    assert.match(messages, /not the other/);
  });
  it('lets SMTP-first, both hybrid connectors by name through', () => {
    const good = [
      step('Import', "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\c.cer'))"),
      step('Enable; answer N', 'Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS,SMTP'),
      step('Pin inbound', pin('Set-ReceiveConnector "EX19\\Default Frontend EX19" -TlsCertificateName $n')),
      step(
        'Pin outbound',
        pin(
          "Get-SendConnector | ? { $_.Name -like 'Outbound to Office 365*' } | Set-SendConnector -TlsCertificateName $n",
        ),
      ),
    ];
    assert.deepEqual(judge(check, truth, base, good), []);
  });
});

describe('invariant 9: every plan ends with a verification', () => {
  const check = byId('9');
  const { truth, base } = scene('2016', 'hub-mailbox', 'expired-self-signed', '12015', 'transport', ALL);
  const change = step('Renew', `Get-ExchangeCertificate -Thumbprint ${TP.setup} | New-ExchangeCertificate`);
  it('catches a plan with no verification', () => assert.equal(judge(check, truth, base, [change]).length, 1));
  it('lets a plan that checks the events through', () =>
    assert.deepEqual(judge(check, truth, base, [change, VERIFY]), []));
  it('accepts the last change carrying its own verification', () =>
    assert.deepEqual(
      judge(check, truth, base, [{ ...change, verify: 'Test-EdgeSynchronization -ExcludeRecipientTest' }]),
      [],
    ));
});

describe('invariant 10: no placeholders in prose', () => {
  const check = byId('10');
  const { truth, base } = scene('2016', 'hub-mailbox', 'expired-self-signed', '12014-empty', 'frontend', NONE);
  it('catches <FQDN> and "(not in the paste)" in a sentence', () => {
    const broken = [
      step('List the certificates Exchange would consider for <FQDN>', 'Get-ExchangeCertificate -DomainName <FQDN>'),
      step('Fix connector "(not in the paste)"'),
      step('サーバー に <FQDN> の証明書を作成します'),
    ];
    assert.equal(judge(check, truth, base, broken).length, 3);
  });
  it('lets a sentence that says where to find the value through', () => {
    const good = [
      step(
        "List the certificates for the connector's FQDN (it is in the event's description)",
        'Get-ExchangeCertificate -DomainName <FQDN>',
      ),
    ];
    assert.deepEqual(judge(check, truth, base, good), []);
  });
});

describe('invariant 11: no service given an expired certificate', () => {
  const check = byId('11');
  const { truth, base } = scene('2016', 'hub-mailbox', 'expired-ca', '12014-couldnt', 'frontend', ALL);
  it('catches SMTP or IIS enabled on the expired CA certificate, piped or named, and a site bound to it', () => {
    const broken = [
      step('Enable the matching certificate for SMTP', `Enable-ExchangeCertificate -Thumbprint ${TP.ca} -Services SMTP`),
      step('Enable it for IIS', `Get-ExchangeCertificate -Thumbprint ${TP.ca} | Enable-ExchangeCertificate -Services IIS`),
      step(
        'Bind Exchange Back End',
        `Import-Module WebAdministration\n$b = Get-WebBinding -Name 'Exchange Back End' -Protocol https -Port 444\n$b.AddSslCertificate('${TP.ca}', 'My')`,
      ),
      VERIFY,
    ];
    assert.equal(judge(check, truth, base, broken).length, 3);
  });
  it('lets the imported renewal, a valid certificate and a look at the expired one through', () => {
    const good = [
      step('Show the expired certificate', `Get-ExchangeCertificate -Thumbprint ${TP.ca} | fl Subject,NotAfter,Services`),
      step('Import the renewal', "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\certreq\\mail.cer'))"),
      step('Enable it for SMTP', 'Enable-ExchangeCertificate -Thumbprint <imported thumbprint> -Services IIS,SMTP'),
      step('Re-enable the internal transport certificate', `Enable-ExchangeCertificate -Thumbprint ${TP.setup} -Services SMTP`),
      VERIFY,
    ];
    assert.deepEqual(judge(check, truth, base, good), []);
  });
});
