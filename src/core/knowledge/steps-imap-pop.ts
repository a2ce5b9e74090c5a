import type { LibraryStep } from './library-model.js';

/**
 * IMAP and POP pick their certificate by the name in X509CertificateName (by default the server's
 * own name), never by the services a certificate is enabled for: a wildcard certificate serves them
 * only once that setting names the FQDN clients connect to. Exchange 2013 and later run a front-end
 * and a back-end service for each, and both read the setting at start.
 */
export const IMAP_POP_STEPS: LibraryStep[] = [
  {
    // New-ExchangeCertificate enables the replacement for SMTP only; the old certificate goes next.
    id: 'enable-imap-pop-new',
    role: 'client-access',
    title: {
      en: 'On {server}: enable the new certificate for the services the old one also had ({imapPopServices}), then restart the IMAP and POP services that are running',
      ja: '{server} で: 古い証明書にあったサービス ({imapPopServices}) を新しい証明書にも割り当て、実行中の IMAP と POP のサービスを再起動します',
    },
    why: {
      en: 'Once the old certificate is removed, IMAP and POP clients would otherwise have no certificate for the server’s name.',
      ja: 'そうしないと、古い証明書を削除した後、IMAP と POP のクライアントにはサーバー名の証明書が提示されません。',
    },
    command: {
      default:
        "Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services {imapPopServices}\nGet-Service MSExchangeIMAP4,MSExchangeIMAP4BE,MSExchangePOP3,MSExchangePOP3BE | ? { $_.Status -eq 'Running' } | Restart-Service",
      '2010':
        "Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services {imapPopServices}\nGet-Service MSExchangeIMAP4,MSExchangePOP3 | ? { $_.Status -eq 'Running' } | Restart-Service",
      '2007':
        "Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services {imapPopServices}\nGet-Service MSExchangeIMAP4,MSExchangePOP3 | ? { $_.Status -eq 'Running' } | Restart-Service",
    },
    unknownNote: {
      en: 'Exchange 2007/2010 have no MSExchangeIMAP4BE or MSExchangePOP3BE: leave them out',
      ja: 'Exchange 2007/2010 には MSExchangeIMAP4BE と MSExchangePOP3BE がないため、これらは除きます',
    },
  },
  {
    // The new self-signed certificate is for the server's own names and SMTP only.
    id: 'imap-pop-stay-on-ca',
    role: 'client-access',
    title: {
      en: 'On {server}: leave IMAP and POP on the CA-issued certificate {caImapPop}, which already lists them, and do not enable the new self-signed certificate for them. Check that X509CertificateName shows a name that certificate carries',
      ja: '{server} で: IMAP と POP は、すでにそれらが割り当てられている CA 発行の証明書 {caImapPop} のままにし、新しい自己署名証明書には割り当てません。X509CertificateName にその証明書の名前が表示されることを確認します',
    },
    why: {
      en: 'IMAP and POP clients trust the CA-issued certificate and would warn about a self-signed one. They pick the certificate by X509CertificateName: if it shows the server’s own name instead, set it to the name clients connect to (Set-ImapSettings, Set-PopSettings -X509CertificateName).',
      ja: 'IMAP と POP のクライアントが信頼するのは CA 発行の証明書で、自己署名証明書では警告が出ます。IMAP と POP は X509CertificateName で証明書を選びます。サーバー自身の名前が表示された場合は、クライアントが接続する名前に設定します (Set-ImapSettings、Set-PopSettings の -X509CertificateName)。',
    },
    command: {
      default:
        'Get-ImapSettings -Server {serverOrPlaceholder} | fl X509CertificateName\nGet-PopSettings -Server {serverOrPlaceholder} | fl X509CertificateName',
    },
  },
  {
    id: 'imap-x509-name',
    role: 'client-access',
    title: {
      en: 'On {server}: set the name IMAP looks its certificate up by to the name clients connect to (ExternalConnectionSettings), then restart the IMAP services',
      ja: '{server} で: IMAP が証明書を探す名前を、クライアントが接続する名前 (ExternalConnectionSettings) に設定し、IMAP のサービスを再起動します',
    },
    why: {
      en: 'A wildcard subject never matches the server name IMAP uses by default, so clients on port 993 get another certificate; the services read the setting only when they start.',
      ja: 'ワイルドカードのサブジェクトは IMAP が既定で使うサーバー名に一致しないため、ポート 993 のクライアントには別の証明書が提示されます。サービスはこの設定を起動時にだけ読み込みます。',
    },
    command: {
      default:
        'Set-ImapSettings -Server {serverOrPlaceholder} -X509CertificateName {fqdn}\nRestart-Service MSExchangeIMAP4,MSExchangeIMAP4BE',
      '2010':
        'Set-ImapSettings -Server {serverOrPlaceholder} -X509CertificateName {fqdn}\nRestart-Service MSExchangeIMAP4',
      '2007':
        'Set-ImapSettings -Server {serverOrPlaceholder} -X509CertificateName {fqdn}\nRestart-Service MSExchangeIMAP4',
    },
    unknownNote: {
      en: 'Exchange 2007/2010 have no MSExchangeIMAP4BE: restart MSExchangeIMAP4 only',
      ja: 'Exchange 2007/2010 には MSExchangeIMAP4BE がないため、MSExchangeIMAP4 だけを再起動',
    },
  },
  {
    id: 'pop-x509-name',
    role: 'client-access',
    title: {
      en: 'On {server}: set the name POP looks its certificate up by to the name POP clients connect to (ExternalConnectionSettings), then restart the POP services',
      ja: '{server} で: POP が証明書を探す名前を、POP クライアントが接続する名前 (ExternalConnectionSettings) に設定し、POP のサービスを再起動します',
    },
    why: {
      en: 'POP looks its certificate up by name just as IMAP does; its clients may use another name (pop.…) than IMAP clients.',
      ja: 'POP も IMAP と同じく名前で証明書を探します。POP のクライアントは IMAP とは別の名前 (pop.…) を使うことがあります。',
    },
    command: {
      default:
        'Get-PopSettings -Server {serverOrPlaceholder} | fl X509CertificateName,ExternalConnectionSettings\nSet-PopSettings -Server {serverOrPlaceholder} -X509CertificateName {popFqdn}\nRestart-Service MSExchangePOP3,MSExchangePOP3BE',
      '2010':
        'Get-PopSettings -Server {serverOrPlaceholder} | fl X509CertificateName,ExternalConnectionSettings\nSet-PopSettings -Server {serverOrPlaceholder} -X509CertificateName {popFqdn}\nRestart-Service MSExchangePOP3',
      '2007':
        'Get-PopSettings -Server {serverOrPlaceholder} | fl X509CertificateName,ExternalConnectionSettings\nSet-PopSettings -Server {serverOrPlaceholder} -X509CertificateName {popFqdn}\nRestart-Service MSExchangePOP3',
    },
    unknownNote: {
      en: 'Exchange 2007/2010 have no MSExchangePOP3BE: restart MSExchangePOP3 only',
      ja: 'Exchange 2007/2010 には MSExchangePOP3BE がないため、MSExchangePOP3 だけを再起動',
    },
  },
  {
    id: 'verify-imap-pop-name',
    role: 'client-access',
    phase: 'verify',
    title: {
      en: 'On {server}: check that X509CertificateName now shows the name clients connect to',
      ja: '{server} で: X509CertificateName にクライアントが接続する名前が表示されることを確認します',
    },
    why: {
      en: 'The name is what IMAP and POP look the certificate up by; a typo leaves them on the old certificate.',
      ja: 'IMAP と POP はこの名前で証明書を探します。名前を誤ると古い証明書のままになります。',
    },
    command: {
      default:
        'Get-ImapSettings -Server {serverOrPlaceholder} | fl X509CertificateName\nGet-PopSettings -Server {serverOrPlaceholder} | fl X509CertificateName',
    },
  },
  {
    id: 'verify-imap-probe',
    role: 'any',
    runsOn: 'anywhere',
    phase: 'verify',
    title: {
      en: 'From any machine with certcheck: check that port 993 presents the certificate whose names cover the IMAP name',
      ja: 'certcheck のある任意のマシンから: ポート 993 が IMAP の名前を含む証明書を提示することを確認します',
    },
    why: {
      en: 'What the port presents is what mail clients see.',
      ja: 'ポートが提示する証明書が、メール クライアントから見える証明書です。',
    },
    command: { default: 'certcheck probe {fqdn}:993' },
  },
  {
    id: 'verify-pop-probe',
    role: 'any',
    runsOn: 'anywhere',
    phase: 'verify',
    title: {
      en: 'From any machine with certcheck: check that port 995 presents the certificate whose names cover the POP name',
      ja: 'certcheck のある任意のマシンから: ポート 995 が POP の名前を含む証明書を提示することを確認します',
    },
    why: {
      en: 'What the port presents is what mail clients and devices see.',
      ja: 'ポートが提示する証明書が、メール クライアントや機器から見える証明書です。',
    },
    command: { default: 'certcheck probe {popFqdn}:995' },
  },
];
