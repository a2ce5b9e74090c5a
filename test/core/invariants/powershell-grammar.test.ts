import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  fillPlaceholders,
  loadPowerShell,
  quoteBareWordLists,
  sampleValueFor,
} from '../../helpers/powershell-grammar.js';

// The checker the safety invariants rely on: it must pass what Windows PowerShell 5.1 runs and fail
// what it rejects (or runs differently), or every invariant built on it is wrong.

const powershell = await loadPowerShell();
const problemsOf = (command: string) => powershell.check(command).problems;

describe('placeholders get a sample value of their shape', () => {
  it('fills thumbprints, names, paths and Japanese placeholders', () => {
    assert.equal(sampleValueFor('new thumbprint'), '0123456789ABCDEF0123456789ABCDEF01234567');
    assert.equal(sampleValueFor('新しい証明書の拇印'), '0123456789ABCDEF0123456789ABCDEF01234567');
    assert.equal(sampleValueFor('FQDN of EX01'), 'host.example.com');
    assert.equal(sampleValueFor('path to the issued .cer'), 'C:\\temp\\x.cer');
    assert.equal(sampleValueFor('AD サイト'), 'Default-First-Site-Name');
    const { filled, placeholders } = fillPlaceholders('New-ExchangeCertificate -DomainName <サーバー名>,<server FQDN>');
    assert.equal(filled, 'New-ExchangeCertificate -DomainName EX01,host.example.com');
    assert.deepEqual(placeholders, ['<サーバー名>', '<server FQDN>']);
  });

  it('leaves the <I>issuer<S>subject markers of a TlsCertificateName alone', () => {
    const command = '$n = "<I>$($c.Issuer)<S>$($c.Subject)"';
    assert.equal(fillPlaceholders(command).filled, command);
    assert.deepEqual(fillPlaceholders(command).placeholders, []);
  });

  it('quotes comma lists of bare words, which PowerShell reads as one array argument', () => {
    assert.equal(quoteBareWordLists('fl Name,Fqdn'), "fl 'Name','Fqdn'");
    assert.equal(quoteBareWordLists("Get-X -A 'a,b' # c,d"), "Get-X -A 'a,b' # c,d");
  });
});

describe('commands Windows PowerShell 5.1 runs pass', () => {
  const good = [
    'Get-ExchangeCertificate -Thumbprint <thumbprint> | New-ExchangeCertificate -GenerateRequest -PrivateKeyExportable $true',
    'Enable-ExchangeCertificate -Thumbprint <新しい証明書の拇印> -Services IIS,SMTP; iisreset /noforce',
    'New-ExchangeCertificate -DomainName EX01,<FQDN of EX01> -Services IMAP, POP, SMTP',
    'New-ExchangeCertificate -GenerateRequest -SubjectName \'CN=mail.example.jp, O="Tokyo Kogyo Co., Ltd.", C=JP\' -DomainName mail.example.jp',
    '$c = Get-ExchangeCertificate -Thumbprint <thumbprint>\n$n = "<I>$($c.Issuer)<S>$($c.Subject)"\nSet-ReceiveConnector "EX01\\Default Frontend EX01" -TlsCertificateName $n',
    "Get-WinEvent -FilterHashtable @{LogName='Application'; Id=12014,12015,12016; StartTime=(Get-Date).AddMinutes(-15)} -ErrorAction SilentlyContinue",
    'Restart-Service MSExchangeTransport, MSExchangeFrontEndTransport',
    'netsh http show sslcert ipport=0.0.0.0:444',
    "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('<path to the issued .cer>'))",
    'Get-TransportService EX01 | fl Name,InternalTransportCertificateThumbprint   # EX01 で',
  ];
  for (const command of good) it(command.split('\n')[0] as string, () => assert.deepEqual(problemsOf(command), []));
});

describe('commands PowerShell rejects (or runs differently) fail', () => {
  const bad: [string, RegExp][] = [
    ['New-ExchangeCertificate -SubjectName "CN=mail.example.jp, O="Tokyo Kogyo Co., Ltd.", C=JP"', /does not parse/],
    ['Get-X "abc"def', /does not parse|glued/],
    ['Set-X -SubjectName CN=x,O="Tokyo"', /glued/],
    ['Restart-Service MSExchangeTransport && Restart-Service MSExchangeFrontEndTransport', /&&/],
    ['Get-ExchangeCertificate -Thumbprint X || Write-Host none', /\|\|/],
    ['Set-SendConnector "X" -TlsCertificateName <I>CN=Issuing CA<S>CN=mail.example.com', /bare </],
    ['Get-Content < C:\\temp\\x.txt', /bare </],
    ['Get-ExchangeCertificate -Thumbprint (', /does not parse/],
    ["Get-ExchangeCertificate | ? { $_.Services -match 'SMTP' ", /does not parse|missing/],
  ];
  for (const [command, problem] of bad) it(command, () => assert.match(problemsOf(command).join('\n'), problem));
});

describe('what the checker reads from a command', () => {
  it('names each cmdlet with its parameters and values, nesting included', () => {
    const { uses } = powershell.check(
      "New-EdgeSubscription -FileData ([byte[]]$(Get-Content -Path C:\\e.xml -Encoding Byte -ReadCount 0)) -Site 'S'",
    );
    assert.deepEqual(
      uses.map((u) => [u.name, u.parameters.map((p) => p.name)]),
      [
        ['New-EdgeSubscription', ['FileData', 'Site']],
        ['Get-Content', ['Path', 'Encoding', 'ReadCount']],
      ],
    );
  });

  it('reads the variables a block defines and uses', () => {
    const check = powershell.check('foreach ($s in Get-ExchangeServer) { Get-ExchangeCertificate -Server $s }; $n');
    assert.deepEqual(check.variablesDefined, ['s']);
    assert.deepEqual(check.variablesRead.sort(), ['n', 's']);
  });
});
