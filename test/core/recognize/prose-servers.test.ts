import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recognizeExchangeTable } from '../../../src/core/recognize/exchange-table.js';
import { readAdSite, readProseServerNames } from '../../../src/core/recognize/prose-servers.js';

// The server and AD site an admin names in their own words, and the server each table of a
// `foreach ($s in …) { "==== $s"; … }` paste came from: plans say where each step runs.

describe('server names in the admin’s words', () => {
  it('reads the name beside the version, after "server", and in Japanese', () => {
    assert.deepEqual(readProseServerNames('Exchange 2019 CU14, EX19-02. The setup cert expired'), ['EX19-02']);
    assert.deepEqual(readProseServerNames('Exchange 2013 CU23 (EX13-01, CAS+Mailbox).'), ['EX13-01']);
    assert.deepEqual(readProseServerNames('Exchange 2016, server EX16-WEB2. one of these'), ['EX16-WEB2']);
    assert.deepEqual(readProseServerNames('Exchange 2013 CU23、サーバーは EXJ-HUB01 です。'), ['EXJ-HUB01']);
  });
  it('reads 「Exchange 2019 CU14 の EXJ19-01」 and 「Exchange 2016、EXJ16-02」 as Japanese admins write them', () => {
    for (const [text, want] of [
      ['Exchange 2019 CU14 の EXJ19-01 (1 台構成) です。', ['EXJ19-01']],
      ['Exchange 2016 CU23、EXJ16-02 で 12014 が出ます。', ['EXJ16-02']],
      ['Exchange 2010 SP3 の環境です。', []],
      ['Exchange 2019 の CU14 を入れました。', []],
    ] as const)
      assert.deepEqual(readProseServerNames(text), want, text);
  });
  it('reads every server of a list, in half- or full-width parentheses, however it is separated', () => {
    for (const [text, want] of [
      ['Exchange 2019 CU14 (EX19-01, EX19-02) in a hybrid.', ['EX19-01', 'EX19-02']],
      ['We run two servers (MBX-A1 and MBX-B7); the Auth cert expires soon.', ['MBX-A1', 'MBX-B7']],
      ['servers EXA01 / EXB02 are both Mailbox servers', ['EXA01', 'EXB02']],
      ['ハイブリッド環境 (Exchange 2019 CU14、EX2019-01/EX2019-02) です。', ['EX2019-01', 'EX2019-02']],
      ['対象は（EX2019-01、EX2019-02）の 2 台です。', ['EX2019-01', 'EX2019-02']],
      ['対象は（TKYEX01・OSKEX02）です。', ['TKYEX01', 'OSKEX02']],
      ['サーバーは TKYEX01 と OSKEX02 です。', ['TKYEX01', 'OSKEX02']],
      ['対象は (TKYEX01と OSKEX02) です。', ['TKYEX01', 'OSKEX02']],
    ] as const)
      assert.deepEqual(readProseServerNames(text), want, text);
  });
  it('takes no single word in parentheses, version word or long list for servers', () => {
    for (const text of [
      'the cert (EX2019-01) expired',
      '（SHA256、RSA2048）で作成しました',
      '(CU14, KB5001779) installed',
      'Exchange 2016 (EX01, EX02, EX03, EX04, EX05)',
    ])
      assert.deepEqual(readProseServerNames(text), [], text);
  });
  it('takes no service pack, sentence word or FQDN for a server', () => {
    assert.deepEqual(readProseServerNames('Exchange 2010 SP3, we renewed it'), []);
    assert.deepEqual(readProseServerNames('the server IS down; server EX01.contoso.com logs it'), []);
  });
});

describe('the AD site', () => {
  it('reads Get-ExchangeServer’s Site, a -Site argument and the admin’s words', () => {
    assert.equal(readAdSite('Site : contoso.com/Configuration/Sites/HQ-Tokyo'), 'HQ-Tokyo');
    assert.equal(readAdSite("New-EdgeSubscription -FileData $b -Site 'Osaka'"), 'Osaka');
    assert.equal(readAdSite('EX19-MBX1 (Mailbox, site Default-First-Site-Name).'), 'Default-First-Site-Name');
    assert.equal(readAdSite('サイトは Tokyo-Site です'), 'Tokyo-Site');
    assert.equal(
      readAdSite('NextHopDomain : edgesync - default-first-site-name to internet'),
      'default-first-site-name',
    );
  });
  it('takes no common word or IIS site for one', () => {
    assert.equal(readAdSite('the site is down since the Default Web Site lost its binding'), undefined);
    assert.equal(readAdSite("New-EdgeSubscription -Site '<AD site>'"), undefined);
  });
});

describe('Get-ExchangeCertificate tables by server', () => {
  const table = (rows: string) =>
    `Thumbprint                               Services NotAfter              Subject\n----------                               -------- --------              -------\n${rows}\n`;
  it('gives each table the server of the ==== line above it', () => {
    const text = `==== EX16-A\n\n${table('DE93183CD8BD82B9874ABFEB11D290F71183C3D2 IP.WS..  2/8/2029 9:10:33 AM   CN=EX16-A')}\n==== EX16-C\n\n${table('E933014D44E57DD49E39CE7C292EE66F3AA1BE7C IP.WS..  11/18/2026 4:27:09 PM CN=EX16-C')}`;
    const found = recognizeExchangeTable(text).certificates ?? [];
    assert.deepEqual(
      found.map((c) => [c.subject, c.servers]),
      [
        ['CN=EX16-A', ['EX16-A']],
        ['CN=EX16-C', ['EX16-C']],
      ],
    );
  });
  it('reads a row one character off its header at the space before each value', () => {
    const text = `Thumbprint                               Services NotAfter               Subject\n----------                               -------- --------               -------\n28BD894208A9B4EBB9EF38C287D880AEA3C27B39 ....S.. 11/21/2026 2:08:44 PM  CN=EDGE19\n`;
    const [cert] = recognizeExchangeTable(text).certificates ?? [];
    assert.equal(cert?.subject, 'CN=EDGE19');
    assert.ok(cert?.notAfter?.startsWith('2026-11-21'), cert?.notAfter);
  });
});
