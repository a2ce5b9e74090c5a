import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizePaste } from '../../../src/core/normalize.js';
import type { ConnectorEvidence, Evidence, RoleEvidence, VersionHint } from '../../../src/core/recognize/evidence.js';
import { recognize } from '../../../src/core/recognize/index.js';

const PIN_HYBRID =
  '<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.fabrikam.com, O=Fabrikam Inc, L=Boston, S=Massachusetts, C=US';
const GUID = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';

const RECEIVE_FL = `[PS] C:\\Windows\\system32>Get-ReceiveConnector "EX16-01\\Default Frontend EX16-01" | fl Name,Fqdn,TlsCertificateName,AuthMechanism

Name               : Default Frontend EX16-01
Fqdn               : mail.fabrikam.com
TlsCertificateName : ${PIN_HYBRID}
AuthMechanism      : Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer
`;

/** A console 120 columns wide wraps the long value, at a space, onto an indented line. */
const WRAP_AT = PIN_HYBRID.indexOf(' ', 95);
const RECEIVE_FL_WRAPPED = RECEIVE_FL.replace(
  `TlsCertificateName : ${PIN_HYBRID}`,
  `TlsCertificateName : ${PIN_HYBRID.slice(0, WRAP_AT)}\n                     ${PIN_HYBRID.slice(WRAP_AT + 1)}`,
);

const SEND_FL = `[PS] C:\\Windows\\system32>Get-SendConnector | fl Name,AddressSpaces,SmartHosts,Fqdn,TlsCertificateName

Name               : Outbound to Office 365 - ${GUID}
AddressSpaces      : {smtp:fabrikam.mail.onmicrosoft.com;1}
SmartHosts         : {fabrikam-com.mail.protection.outlook.com}
Fqdn               : mail.fabrikam.com
TlsCertificateName : ${PIN_HYBRID}

Name               : Internet
AddressSpaces      : {SMTP:*;1}
SmartHosts         : {}
Fqdn               :
TlsCertificateName :
`;

const RECEIVE_TABLE = `[PS] C:\\Windows\\system32>Get-ReceiveConnector | ft Name,Fqdn,TlsCertificateName -AutoSize

Name                          Fqdn                       TlsCertificateName
----                          ----                       ------------------
Default EX16-01               EX16-01.corp.fabrikam.com
Client Proxy EX16-01          EX16-01.corp.fabrikam.com
Default Frontend EX16-01      mail.fabrikam.com          ${PIN_HYBRID}
`;

const IDENTITY_TABLE = `[PS] C:\\Windows\\system32>Get-ReceiveConnector

Identity                                Bindings                                Enabled
--------                                --------                                -------
EX16-01\\Default EX16-01                 {0.0.0.0:2525, [::]:2525}               True
EX16-01\\Client Frontend EX16-01         {[::]:587, 0.0.0.0:587}                 True
`;

const QUEUE = `[PS] C:\\Windows\\system32>Get-Queue -Server EX16-01 | ? MessageCount -gt 0 | fl

Identity          : EX16-01\\22
DeliveryType      : SmartHostConnectorDelivery
NextHopDomain     : fabrikam.mail.onmicrosoft.com
NextHopConnector  : ${GUID}
Status            : Retry
MessageCount      : 48
LastError         : 454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found.
`;

interface ConnectorRow {
  name: string;
  paste: string;
  want: Partial<ConnectorEvidence>[];
}

const CONNECTOR_ROWS: ConnectorRow[] = [
  {
    name: 'Get-ReceiveConnector | fl: the server comes from the identity asked for',
    paste: RECEIVE_FL,
    want: [
      {
        name: 'Default Frontend EX16-01',
        kind: 'receive',
        server: 'EX16-01',
        fqdn: 'mail.fabrikam.com',
        tlsCertificateName: PIN_HYBRID,
        namedBy: 'listing',
      },
    ],
  },
  {
    name: 'a pinned value wrapped by the console is one value',
    paste: RECEIVE_FL_WRAPPED,
    want: [{ name: 'Default Frontend EX16-01', tlsCertificateName: PIN_HYBRID }],
  },
  {
    name: 'CRLF in a code fence',
    paste: `\`\`\`\n${RECEIVE_FL.replace(/\n/g, '\r\n')}\`\`\``,
    want: [{ name: 'Default Frontend EX16-01', tlsCertificateName: PIN_HYBRID, fqdn: 'mail.fabrikam.com' }],
  },
  {
    name: 'Get-SendConnector | fl: address spaces and smart hosts; an empty pin is no pin',
    paste: SEND_FL,
    want: [
      {
        name: `Outbound to Office 365 - ${GUID}`,
        kind: 'send',
        addressSpaces: ['smtp:fabrikam.mail.onmicrosoft.com;1'],
        smartHosts: ['fabrikam-com.mail.protection.outlook.com'],
        tlsCertificateName: PIN_HYBRID,
      },
      { name: 'Internet', kind: 'send', tlsCertificateName: undefined, fqdn: undefined },
    ],
  },
  {
    name: 'Get-ReceiveConnector | ft: names with spaces, empty pins',
    paste: RECEIVE_TABLE,
    want: [
      { name: 'Default EX16-01', fqdn: 'EX16-01.corp.fabrikam.com', kind: 'receive' },
      { name: 'Client Proxy EX16-01', tlsCertificateName: undefined },
      { name: 'Default Frontend EX16-01', fqdn: 'mail.fabrikam.com', tlsCertificateName: PIN_HYBRID },
    ],
  },
  {
    name: 'the default Identity view: server and name apart',
    paste: IDENTITY_TABLE,
    want: [
      { name: 'Default EX16-01', server: 'EX16-01', kind: 'receive' },
      { name: 'Client Frontend EX16-01', server: 'EX16-01' },
    ],
  },
  {
    name: 'a queue names its send connector by GUID; the listing names it in full',
    paste: `${QUEUE}\n${SEND_FL}`,
    want: [
      { name: `Outbound to Office 365 - ${GUID}`, namedBy: 'listing' },
      { name: 'Internet' },
      { name: `Outbound to Office 365 - ${GUID}`, namedBy: 'queue', server: 'EX16-01', tlsCertificateName: PIN_HYBRID },
    ],
  },
  {
    name: 'a queue alone: the GUID is the name',
    paste: QUEUE,
    want: [{ name: GUID, kind: 'send', namedBy: 'queue', addressSpaces: ['fabrikam.mail.onmicrosoft.com'] }],
  },
];

describe('connectors', () => {
  for (const row of CONNECTOR_ROWS) {
    it(row.name, () => {
      const connectors = recognize(normalizePaste(row.paste)).connectors ?? [];
      assert.equal(connectors.length, row.want.length, JSON.stringify(connectors));
      row.want.forEach((want, index) => {
        for (const [key, value] of Object.entries(want)) {
          assert.deepEqual(connectors[index]![key as keyof ConnectorEvidence], value, `${index}.${key}`);
        }
      });
    });
  }
  it('Get-ExchangeServer | fl is no connector, though it has Name and Fqdn', () => {
    const paste = 'Name                : EX01\nFqdn                : EX01.contoso.com\nServerRole          : Mailbox\n';
    assert.deepEqual(recognize(paste).connectors, undefined);
  });
});

const SERVER_FL = `[PS] C:\\Windows\\system32>Get-ExchangeServer | fl Name,ServerRole,AdminDisplayVersion

Name                : EX13-01
ServerRole          : Mailbox, ClientAccess
AdminDisplayVersion : Version 15.0 (Build 1497.2)

Name                : EDGE13
ServerRole          : Edge
AdminDisplayVersion : Version 15.0 (Build 1497.2)
`;

const SERVER_FT = `[PS] C:\\Windows\\system32>Get-ExchangeServer

Name      Site                                    ServerRole      Edition         AdminDisplayVersion
----      ----                                    ----------      -------         -------------------
EX19A     corp.contoso.com/Configuration/Sit... Mailbox         Standard        Version 15.2 (Build 1544.4)
EXSE01    corp.contoso.com/Configuration/Sit... Mailbox         Standard        Version 15.2 (Build 2562.17)
EX10      corp.contoso.com/Configuration/Sit... Mailbox,Clie... Standard        Version 14.3 (Build 123.4)
`;

interface ServerRow {
  name: string;
  paste: string;
  hints: Partial<VersionHint>[];
  roles?: Partial<RoleEvidence>[];
  summary?: Evidence['roles'];
}

const SERVER_ROWS: ServerRow[] = [
  {
    name: 'Get-ExchangeServer | fl: build and role per server, strong',
    paste: SERVER_FL,
    hints: [
      { release: '2013', version: '2013+', strength: 'strong', server: 'EX13-01', quote: '15.0 (Build 1497.2)' },
      { release: '2013', server: 'EDGE13' },
    ],
    roles: [
      { role: 'mailbox', strength: 'strong', server: 'EX13-01' },
      { role: 'cas', strength: 'strong', server: 'EX13-01' },
      { role: 'edge', strength: 'strong', server: 'EDGE13' },
    ],
  },
  {
    name: 'Get-ExchangeServer table: 2019, SE (build 2562) and 2010',
    paste: SERVER_FT,
    hints: [
      { release: '2019', server: 'EX19A' },
      { release: 'SE', server: 'EXSE01' },
      { release: '2010', version: '2010', server: 'EX10' },
    ],
    roles: [
      { role: 'mailbox', server: 'EX19A' },
      { role: 'mailbox', server: 'EXSE01' },
      { role: 'mailbox', server: 'EX10' },
    ],
  },
  {
    name: '"Exchange 2010 SP3" in prose is strong',
    paste: 'Our Exchange 2010 SP3 box started logging 12014 this morning.',
    hints: [{ release: '2010', version: '2010', strength: 'strong', reason: 'prose' }],
  },
  {
    name: '"2016 CU23" in prose',
    paste: 'EX16-02 (2016 CU23) keeps logging this',
    hints: [{ release: '2016', version: '2013+', strength: 'strong' }],
  },
  {
    name: '"Exchange 2007 SP1 です" in Japanese prose',
    paste: 'サーバーは Exchange 2007 SP1 です。証明書の期限が切れました。',
    hints: [{ release: '2007', version: '2007', strength: 'strong' }],
  },
  {
    name: 'a bare year is weak',
    paste: 'We run Exchange 2016 here.',
    hints: [{ release: '2016', strength: 'weak' }],
  },
  {
    name: 'two releases in prose: both weak',
    paste: 'We are moving from Exchange 2010 SP3 to Exchange 2019 CU14 next month.',
    hints: [
      { release: '2010', strength: 'weak' },
      { release: '2019', strength: 'weak' },
    ],
  },
  {
    name: '"EdgeSync" says nothing about this server',
    paste: 'EdgeSync is throwing errors on HUB07 and the Edge Subscription looks stale.',
    hints: [],
    roles: [],
    summary: [],
  },
  {
    name: 'Default Frontend <server>: a 2013+ Mailbox front end',
    paste: 'the connector Default Frontend EX19-02 with a FQDN parameter of mail.contoso.com',
    hints: [{ version: '2013+', reason: 'connector-default-frontend', server: 'EX19-02' }],
    roles: [{ role: 'frontend', strength: 'strong', server: 'EX19-02' }],
  },
  {
    name: 'Default internal receive connector <server>: an Edge',
    paste: 'for the connector Default internal receive connector MAILGATE with a FQDN parameter of mail.expta.com',
    hints: [],
    roles: [{ role: 'edge', strength: 'strong', server: 'MAILGATE' }],
    summary: ['edge'],
  },
  {
    name: 'Intra-Organization SMTP Send Connector: every transport server has it, an Edge too (KB 953354)',
    paste: 'for the connector Intra-Organization SMTP Send Connector with a FQDN parameter of edge01.dmz.contoso.com',
    hints: [],
    roles: [],
  },
];

describe('servers: version and role', () => {
  for (const row of SERVER_ROWS) {
    it(row.name, () => {
      const evidence = recognize(normalizePaste(row.paste));
      const hints = evidence.versionHints.filter((h) => h.release !== undefined || h.reason.startsWith('connector'));
      assert.equal(hints.length, row.hints.length, JSON.stringify(hints));
      row.hints.forEach((want, index) => {
        for (const [key, value] of Object.entries(want)) {
          assert.deepEqual(hints[index]![key as keyof VersionHint], value, `hint ${index}.${key}`);
        }
      });
      if (row.roles) {
        const roles = evidence.roleEvidence ?? [];
        assert.equal(roles.length, row.roles.length, JSON.stringify(roles));
        row.roles.forEach((want, index) => {
          for (const [key, value] of Object.entries(want)) {
            assert.deepEqual(roles[index]![key as keyof RoleEvidence], value, `role ${index}.${key}`);
          }
        });
      }
      if (row.summary) assert.deepEqual(evidence.roles, row.summary);
    });
  }
});
