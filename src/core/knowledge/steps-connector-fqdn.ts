import type { LibraryStep } from './library-model.js';

/**
 * A receive connector announces a name no certificate carries (12014): besides a certificate for that
 * name, the connector can announce a name a certificate already enabled for SMTP carries. Its own
 * step, so the plan offers it as the named alternative it is.
 */
export const CONNECTOR_FQDN_STEPS: LibraryStep[] = [
  {
    id: 'set-connector-fqdn-covered',
    role: 'transport',
    title: {
      en: "Or, instead of a new certificate: on {server}, set the connector's FQDN to {coveredName}, a name a certificate already enabled for SMTP carries; senders and mail clients set up for {fqdn} must then use {coveredName}, and the last check then probes {coveredName}:{smtpPort} instead of {fqdn}:{smtpPort}",
      ja: 'または、新しい証明書の代わりに: {server} で、コネクタの FQDN を {coveredName} (SMTP に割り当て済みの証明書にある名前) に変更します。{fqdn} を設定している送信側やメール クライアントは {coveredName} に変更が必要で、最後の確認も {fqdn}:{smtpPort} ではなく {coveredName}:{smtpPort} に対して行います',
    },
    why: {
      en: 'Exchange picks the STARTTLS certificate by the FQDN the connector announces: announcing a name a valid certificate carries ends 12014 without a new certificate.',
      ja: 'Exchange はコネクタが名乗る FQDN で STARTTLS の証明書を選びます。有効な証明書にある名前を名乗れば、新しい証明書なしで 12014 が止まります。',
    },
    verify: {
      en: 'Get-ReceiveConnector shows the new Fqdn, and 12014 stops after the restart.',
      ja: 'Get-ReceiveConnector に新しい Fqdn が表示され、再起動後に 12014 が記録されなくなります。',
    },
    command: { default: "Set-ReceiveConnector '{receiveConnectorQuoted}' -Fqdn {coveredName}" },
  },
];
