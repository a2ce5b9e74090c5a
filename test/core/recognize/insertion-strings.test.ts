import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../../helpers/clock.js';

// Forwarded events whose message file the collector lacks: the description says it cannot be found,
// and the event's own values follow as insertion strings, in the catalogue's parameter order.

const english = (id: number, source: string, strings: string[]) => `Log Name:      ForwardedEvents
Source:        ${source}
Date:          11/28/2026 5:31:40 AM
Event ID:      ${id}
Task Category: None
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      EX16-02.corp.fabrikam.local
Description:
The description for Event ID ${id} from source ${source} cannot be found. Either the component that raises this event is not installed on your local computer or the installation is corrupted. You can install or repair the component on the local computer.

If the event originated on another computer, the display information had to be saved with the event.

The following information was included with the event: 

${strings.join('\n')}

The message resource is present but the message was not found in the message table
`;

const japanese = (id: number, source: string, strings: string[]) => `ログの名前:         ForwardedEvents
ソース:           ${source}
日付:            2026/11/28 4:15:22
イベント ID:       ${id}
タスクのカテゴリ:      (1)
レベル:           エラー
キーワード:         クラシック
ユーザー:          N/A
コンピューター:       EX16-02.corp.fabrikam.local
説明:
ソース "${source}" からのイベント ID ${id} の説明が見つかりません。このイベントを発生させるコンポーネントがローカル コンピューターにインストールされていないか、インストールが壊れています。ローカル コンピューターにコンポーネントをインストールするか、コンポーネントを修復してください。

イベントが別のコンピューターで発生したものである場合、イベントと共に表示情報を保存する必要があります。

次の情報はイベントに含まれています:

${strings.join('\n')}
`;

const TP = '83FB38534351479FF37A24E7CBF9352899C14AFA';

interface Case {
  id: number;
  strings: string[];
  want: { fqdn?: string; connector?: string; thumbprint?: string };
  /** A value the steps must use (the FQDN, not the server's internal name). */
  inSteps: string;
}

const CASES: Case[] = [
  {
    id: 12014,
    strings: ['mail.fabrikam.com', 'Default Frontend EX16-02', 'mail.fabrikam.com'],
    want: { fqdn: 'mail.fabrikam.com', connector: 'Default Frontend EX16-02' },
    inSteps: 'mail.fabrikam.com',
  },
  {
    id: 12016,
    strings: ['mail.fabrikam.com', TP],
    want: { fqdn: 'mail.fabrikam.com', thumbprint: TP },
    inSteps: 'mail.fabrikam.com',
  },
];

describe('the insertion strings of a forwarded event without its description', () => {
  for (const [lang, layout] of [
    ['en', english],
    ['ja', japanese],
  ] as const) {
    for (const c of CASES) {
      it(`${c.id} (${lang})`, () => {
        const d = diagnose(layout(c.id, 'MSExchangeFrontEndTransport', c.strings), { now: REFERENCE_NOW });
        assert.equal(d.language, lang);
        const event = d.events.find((e) => e.id === c.id);
        assert.ok(event, `event ${c.id} read`);
        for (const [key, value] of Object.entries(c.want))
          assert.equal((event as unknown as Record<string, unknown>)[key], value, key);
        const steps = d.steps.map((s) => `${s.title}\n${s.command ?? ''}`).join('\n');
        assert.ok(steps.includes(c.inSteps), `steps use ${c.inSteps}`);
        // The server's internal name is no certificate name and no probe target.
        assert.doesNotMatch(steps, /-DomainName EX16-02\.corp\.fabrikam\.local|probe EX16-02\.corp\.fabrikam\.local/);
      });
    }
  }
  it('reads nothing from a description that is there', () => {
    const d = diagnose(
      english(12014, 'MSExchangeFrontEndTransport', []).replace(
        /The description for[\s\S]*$/,
        'Microsoft Exchange could not find a certificate that contains the domain name mail.fabrikam.com in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector Default Frontend EX16-02 with a FQDN parameter of mail.fabrikam.com.\n',
      ),
      { now: REFERENCE_NOW },
    );
    assert.equal(d.events[0]?.connector, 'Default Frontend EX16-02');
  });
});
