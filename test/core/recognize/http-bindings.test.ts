import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizePaste } from '../../../src/core/normalize.js';
import type { BindingEvidence, Evidence } from '../../../src/core/recognize/evidence.js';
import { recognize } from '../../../src/core/recognize/index.js';

const FRONT = '44A4F7A4123D9C265D9557F38C9264E81D50D6B3';
const BACK = 'B52CA5E1D3808EFDFBA649EA6E5D1D9FC07F92F7';

function netshBinding(label: string, endpoint: string, hash: string, ja = false): string {
  const rows = ja
    ? [
        [label, endpoint],
        ['証明書ハッシュ', hash],
        ['アプリケーション ID', '{4dc3e181-e14b-4a21-b022-59fc669b0914}'],
        ['証明書ストア名', 'My'],
        ['クライアント証明書の失効の確認', 'Enabled'],
      ]
    : [
        [label, endpoint],
        ['Certificate Hash', hash],
        ['Application ID', '{4dc3e181-e14b-4a21-b022-59fc669b0914}'],
        ['Certificate Store Name', 'My'],
        ['Verify Client Certificate Revocation', 'Enabled'],
        ['Ctl Identifier', '(null)'],
      ];
  return rows.map(([name, value]) => `    ${name!.padEnd(29)}: ${value}`).join('\n');
}

const NETSH_EN = `C:\\Windows\\system32>netsh http show sslcert

SSL Certificate bindings:
-------------------------

${netshBinding('IP:port', '0.0.0.0:443', FRONT.toLowerCase())}

${netshBinding('IP:port', '0.0.0.0:444', BACK.toLowerCase())}

${netshBinding('Hostname:port', 'mail.contoso.com:443', FRONT.toLowerCase())}
`;

const NETSH_JA = `C:\\Windows\\system32>netsh http show sslcert

SSL 証明書のバインド:
-------------------------

${netshBinding('IP:ポート', '0.0.0.0:444', BACK.toLowerCase(), true)}
`;

const WEB_BINDING = `PS C:\\> Get-WebBinding -Protocol https | fl *

protocol             : https
bindingInformation   : *:443:
sslFlags             : 0
isDsMapperEnabled    : False
certificateHash      : ${FRONT}
certificateStoreName : My
ItemXPath            : /system.applicationHost/sites/site[@name='Default Web Site' and @id='1']
Attributes           : {protocol, bindingInformation, sslFlags, isDsMapperEnabled...}

protocol             : https
bindingInformation   : *:444:
sslFlags             : 0
isDsMapperEnabled    : False
certificateHash      : ${BACK}
certificateStoreName : My
ItemXPath            : /system.applicationHost/sites/site[@name='Exchange Back End' and @id='2']
Attributes           : {protocol, bindingInformation, sslFlags, isDsMapperEnabled...}
`;

const EVENT_EN =
  'An error occurred while using SSL configuration for endpoint 0.0.0.0:444.  The error status code is contained within the returned data.';
const EVENT_JA =
  'エンドポイント 0.0.0.0:444 の SSL 構成を使用中にエラーが発生しました。エラーの状態コードは、返されたデータに含まれています。';

interface Row {
  name: string;
  paste: string;
  uses: [string, string, number][];
  bindings?: Partial<BindingEvidence>[];
  check?: (evidence: Evidence) => void;
}

const ROWS: Row[] = [
  {
    name: 'netsh: 443 is the front end, 444 Exchange Back End, an SNI binding is neither',
    paste: NETSH_EN,
    uses: [
      [FRONT, 'iisFrontEnd', 443],
      [BACK, 'backEnd444', 444],
    ],
    bindings: [
      { endpoint: '0.0.0.0:443', storeName: 'My' },
      { endpoint: '0.0.0.0:444' },
      { endpoint: 'mail.contoso.com:443', port: 443 },
    ],
  },
  {
    name: 'netsh with CRLF from a Windows console, in a code fence',
    paste: `\`\`\`\n${NETSH_EN.replace(/\n/g, '\r\n')}\`\`\``,
    uses: [
      [FRONT, 'iisFrontEnd', 443],
      [BACK, 'backEnd444', 444],
    ],
  },
  {
    name: 'netsh in Japanese',
    paste: NETSH_JA,
    uses: [[BACK, 'backEnd444', 444]],
    check: (evidence) => assert.equal(evidence.japanese, true),
  },
  {
    name: 'Get-WebBinding | fl: the site decides',
    paste: WEB_BINDING,
    uses: [
      [FRONT, 'iisFrontEnd', 443],
      [BACK, 'backEnd444', 444],
    ],
    bindings: [
      { site: 'Default Web Site', endpoint: '*:443:' },
      { site: 'Exchange Back End', endpoint: '*:444:' },
    ],
  },
  {
    name: 'HttpEvent 15021 text alone: the event and its failing endpoint',
    paste: EVENT_EN,
    uses: [],
    bindings: [{ endpoint: '0.0.0.0:444', port: 444, failing: true, source: 'http-event-15021' }],
    check: (evidence) =>
      assert.deepEqual(
        evidence.events.map((e) => [e.id, e.known]),
        [[15021, true]],
      ),
  },
  {
    name: 'HttpEvent 15021 in Japanese, text alone',
    paste: EVENT_JA,
    uses: [],
    bindings: [{ endpoint: '0.0.0.0:444', failing: true }],
    check: (evidence) => {
      assert.deepEqual(
        evidence.events.map((e) => e.id),
        [15021],
      );
      assert.equal(evidence.japanese, true);
    },
  },
];

describe('IIS and HTTP.sys bindings', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const evidence = recognize(normalizePaste(row.paste));
      assert.deepEqual(
        (evidence.certificateUses ?? []).map((u) => [u.thumbprint, u.use, u.port]),
        row.uses,
      );
      row.bindings?.forEach((want, index) => {
        for (const [key, value] of Object.entries(want)) {
          assert.deepEqual(evidence.bindings?.[index]?.[key as keyof BindingEvidence], value, `${index}.${key}`);
        }
      });
      row.check?.(evidence);
    });
  }
});
