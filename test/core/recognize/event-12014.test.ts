import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventFacts } from '../../../src/core/model.js';
import { normalizePaste } from '../../../src/core/normalize.js';
import { recognize } from '../../../src/core/recognize/index.js';

/** 12014 as admins paste it: every wording, empty parameters, wrapped, mangled, English and Japanese. */

const TEXT_2010 = (domain: string, connector: string, fqdn: string) =>
  `Microsoft Exchange could not find a certificate that contains the domain name ${domain} in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector ${connector} with a FQDN parameter of ${fqdn}. If the connector's FQDN is not specified, the computer's FQDN is used. Verify the connector configuration and the installed certificates to make sure that there is a certificate with a domain name for that FQDN. If this certificate exists, run Enable-ExchangeCertificate -Services SMTP to make sure that the Microsoft Exchange Transport service has access to the certificate key.`;
const COULDNT = (domain: string, connector: string, fqdn: string) =>
  TEXT_2010(domain, connector, fqdn).replace('could not find', "couldn't find");
const CURLY = (domain: string, connector: string, fqdn: string) => COULDNT(domain, connector, fqdn).replace(/'/g, '’');
const PINNED =
  '<I>CN=GeoTrust RSA CA 2018, OU=www.digicert.com, O=DigiCert Inc, C=US<S>CN=mail.contoso.com, O=Contoso Ltd, L=Redmond, S=Washington, C=US';

/** What a mail client does at 72 columns. */
function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join('\n');
}

const HEADER_2008 = `Log Name:      Application
Source:        MSExchangeFrontEndTransport
Date:          11/28/2026 6:41:12 AM
Event ID:      12014
Task Category: TransportService
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      EX01.corp.contoso.com
Description:
`;

const JA_2007 = `イベントの種類:	エラー
イベント ソース:	MSExchangeTransport
イベント カテゴリ:	TransportService
イベント ID:	12014
日付:		2026/11/28
時刻:		5:47:03
ユーザー:		N/A
コンピュータ:	HUB07
説明:
ローカル コンピュータの個人用ストアにドメイン名 hub07.corp.adatum.com を含む証明書が見つかりませんでした。このため、FQDN パラメータが hub07.corp.adatum.com のコネクタ 組織内の SMTP 送信コネクタ に対する STARTTLS SMTP コマンドをサポートできません。コネクタの FQDN が指定されていない場合、コンピュータの FQDN が使用されます。`;

interface Row {
  name: string;
  paste: string;
  want: Partial<EventFacts>;
}

const ROWS: Row[] = [
  {
    name: '2010 wording',
    paste: TEXT_2010('mail1.expta.com', 'Default internal receive connector MAILGATE', 'mail.expta.com'),
    want: {
      fqdn: 'mail.expta.com',
      domain: 'mail1.expta.com',
      connector: 'Default internal receive connector MAILGATE',
      emptyFields: undefined,
    },
  },
  {
    name: "couldn't (2007 and later builds)",
    paste: COULDNT('hub07.corp.adatum.com', 'Default HUB07', 'hub07.corp.adatum.com'),
    want: { fqdn: 'hub07.corp.adatum.com', connector: 'Default HUB07', domain: undefined },
  },
  {
    name: 'curly apostrophes',
    paste: CURLY('relay.litware.com', 'Anonymous Relay EX16-02', 'relay.litware.com'),
    want: { fqdn: 'relay.litware.com', connector: 'Anonymous Relay EX16-02' },
  },
  {
    name: 'empty domain and FQDN: reported empty, never the next word',
    paste: COULDNT('', 'Client Frontend EXMB02', ''),
    want: { fqdn: undefined, domain: undefined, connector: 'Client Frontend EXMB02', emptyFields: ['domain', 'fqdn'] },
  },
  {
    name: 'every parameter empty',
    paste: TEXT_2010('', '', ''),
    want: { fqdn: undefined, connector: undefined, emptyFields: ['domain', 'connector', 'fqdn'] },
  },
  {
    name: 'empty FQDN with a domain: the domain is the name to cover',
    paste: TEXT_2010('mail.contoso.com', 'Default Frontend EX01', ''),
    want: { fqdn: 'mail.contoso.com', connector: 'Default Frontend EX01', emptyFields: ['fqdn'] },
  },
  {
    name: 'pinned <I>issuer<S>subject',
    paste: COULDNT(PINNED, 'Default Frontend EX01', 'mail.contoso.com'),
    want: { fqdn: 'mail.contoso.com', tlsCertificateName: PINNED, connector: 'Default Frontend EX01' },
  },
  {
    name: 'cut after the first sentence',
    paste:
      'Microsoft Exchange could not find a certificate that contains the domain name mail.contoso.com in the personal store on the local computer.',
    want: { fqdn: 'mail.contoso.com', connector: undefined },
  },
  {
    name: 'wrapped by a mail client at 72 columns',
    paste: wrap(COULDNT('mail.fabrikam.com', 'Internet EX10', 'mail.fabrikam.com'), 72),
    want: { fqdn: 'mail.fabrikam.com', connector: 'Internet EX10' },
  },
  {
    name: 'wrapped narrow, the empty fields across line ends',
    paste: wrap(COULDNT('', 'Default Frontend EX19-02', ''), 30),
    want: { fqdn: undefined, connector: 'Default Frontend EX19-02', emptyFields: ['domain', 'fqdn'] },
  },
  {
    name: 'wrapped by PowerShell with an indent',
    paste: `Message      : ${wrap(TEXT_2010('smtp-out.adatum.com', 'Partner TLS to Litware', 'smtp-out.adatum.com'), 90, '               ')}`,
    want: { fqdn: 'smtp-out.adatum.com', connector: 'Partner TLS to Litware' },
  },
  {
    name: 'CRLF and an Event Viewer header',
    paste: `${HEADER_2008}${COULDNT('', 'Client Frontend EX01', '')}`.replace(/\n/g, '\r\n'),
    want: {
      source: 'MSExchangeFrontEndTransport',
      computer: 'EX01.corp.contoso.com',
      level: 'error',
      connector: 'Client Frontend EX01',
      emptyFields: ['domain', 'fqdn'],
    },
  },
  {
    name: 'Slack: HTML-escaped, auto-linked names, in a quote',
    paste: `&gt; ${COULDNT('<http://mail.contoso.com|mail.contoso.com>', 'Default Frontend EX01', '<http://mail.contoso.com|mail.contoso.com>')}`,
    want: { fqdn: 'mail.contoso.com', connector: 'Default Frontend EX01' },
  },
  {
    name: 'Slack: inside a code fence',
    paste: `\`\`\`${HEADER_2008}${COULDNT('', 'Client Frontend EX01', '')}\`\`\``,
    want: { connector: 'Client Frontend EX01', emptyFields: ['domain', 'fqdn'] },
  },
  {
    name: 'Japanese, Exchange 2007 (KB 953354)',
    paste: JA_2007,
    want: {
      source: 'MSExchangeTransport',
      computer: 'HUB07',
      fqdn: 'hub07.corp.adatum.com',
      connector: '組織内の SMTP 送信コネクタ',
      format: 'w2003',
    },
  },
  {
    name: 'Japanese with the names empty',
    paste: JA_2007.replace(/hub07\.corp\.adatum\.com/g, ''),
    want: { fqdn: undefined, connector: '組織内の SMTP 送信コネクタ', emptyFields: ['domain', 'fqdn'] },
  },
  {
    name: 'Japanese, CRLF and full-width colons',
    paste: JA_2007.replace(/:/g, '：').replace(/\n/g, '\r\n'),
    want: { fqdn: 'hub07.corp.adatum.com', connector: '組織内の SMTP 送信コネクタ' },
  },
];

describe('12014 in every wording', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const events = recognize(normalizePaste(row.paste)).events.filter((event) => event.id === 12014);
      assert.equal(events.length, 1, JSON.stringify(events));
      const event = events[0]!;
      for (const [key, value] of Object.entries(row.want)) {
        assert.deepEqual(event[key as keyof EventFacts], value, `${key} in ${JSON.stringify(event)}`);
      }
      for (const field of ['fqdn', 'domain', 'connector'] as const) {
        assert.ok(!/^(?:in|If|\.|of|with)$/i.test(event[field] ?? ''), `${field} took a neighbouring word`);
      }
    });
  }
});

describe('12014 after a question that uses the same words', () => {
  it("takes the domain from the event's description, not from the admin's sentence before it", () => {
    const paste = [
      'EX13MBX01 でイベントが出ています。ドメイン名が空欄なのですが、どうすればよいでしょうか。',
      '',
      'ソース: MSExchangeFrontEndTransport',
      'イベント ID: 12014',
      '説明:',
      'ローカル コンピューターの個人用ストアにドメイン名  を含む証明書が見つかりませんでした。このため、FQDN パラメーターが  のコネクタ Default Frontend EX13MBX01 に対する STARTTLS SMTP コマンドをサポートできません。',
    ].join('\n');
    const event = recognize(paste).events.find((e) => e.id === 12014);
    assert.ok(event);
    assert.equal(event.domain, undefined);
    assert.ok(event.emptyFields?.includes('domain'), JSON.stringify(event));
    assert.equal(event.connector, 'Default Frontend EX13MBX01');
  });
});
