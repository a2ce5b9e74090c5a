import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const read = (name: string) => readFileSync(new URL(`../fixtures/corpus-extra/${name}`, import.meta.url), 'utf8');

/** A value the paste gives is written into the command, never left as a placeholder to copy by hand. */
const CASES: { label: string; text: string; want: string; never: RegExp }[] = [
  {
    label: '12014 after a renewal: the receive connector is pointed at the renewed certificate the listing shows',
    text: read('r01-e2019cu14-halfway-renewal-iis-only-12014-fe.txt'),
    want: '$c = Get-ExchangeCertificate -Thumbprint 2DA6CCC79EC35BF3182B711D21899486D8CE8E79',
    never: /<new thumbprint>|<新しい証明書の拇印>/,
  },
  {
    label: 'Back End 444: the one certificate for the server name in a listing without dates is bound',
    text: read('r05-ja-e2019cu14-webbinding-444-httpevent-15021.txt'),
    want: "AddSslCertificate('AC1AD1597557D32D25F671A4FA82D3E5FA98BFEE', 'My')",
    never: /<thumbprint from the list>|<一覧に表示された拇印>/,
  },
  {
    label: 'Back End 444, a dated listing: the valid certificate for the server name is bound',
    text: `Exchange 2019 CU14 の EXMB02 です。自己署名証明書を削除したら OWA が HTTP 500 です。

[PS] C:\\>Get-ExchangeCertificate -Server EXMB02 | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services NotAfter            Subject
----------                               -------- --------            -------
AC1AD1597557D32D25F671A4FA82D3E5FA98BFEE IP..S..  2031/05/01 10:00:00 CN=EXMB02
72CB5A6DCAEEB8AAFEBD3112F330128ADC5ED47D ....S..  2030/02/11 13:40:22 CN=Microsoft Exchange Server Auth Certificate

[PS] C:\\>netsh http show sslcert ipport=0.0.0.0:444

    IP:port                      : 0.0.0.0:444
    Certificate Hash             : 51ed8a5fc1b9d2e3a4f5061728394a5b6c7d8e9f
    Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}
    Certificate Store Name       : My
`,
    want: 'AC1AD1597557D32D25F671A4FA82D3E5FA98BFEE',
    never: /<thumbprint from the list>|<一覧に表示された拇印>/,
  },
];

describe('known values fill their placeholders', () => {
  for (const { label, text, want, never } of CASES) {
    for (const lang of ['en', 'ja'] as const) {
      it(`${label} (${lang})`, () => {
        const commands = diagnose(text, { now: NOW, lang })
          .steps.map((s) => s.command ?? '')
          .join('\n');
        assert.ok(commands.includes(want), commands);
        assert.doesNotMatch(commands, never);
      });
    }
  }
});

describe('the headline names the server the paste names, with no generic word in its place', () => {
  it("a Get-WinEvent table without MachineName: the server from the admin's words", () => {
    const d = diagnose(read('r13-ja-e2019cu14-get-winevent-table-12014-12016.txt'), { now: NOW, lang: 'ja' });
    assert.match(d.summary, /^EXJP02 のトランスポート証明書/);
    assert.doesNotMatch(d.summary, /サーバー の/);
  });
});
