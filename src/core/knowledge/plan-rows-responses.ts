import type { PlanDefinition } from './library-model.js';

const s = (en: string, ja: string) => ({ en, ja });

/**
 * Plans for what a queue, an NDR or a management task answered, and for a question that shows
 * nothing yet. The first two change nothing on our side: the certificate that fails is the remote
 * one, or none at all.
 */
export const RESPONSE_PLAN_ROWS: PlanDefinition[] = [
  {
    id: 'remote-cert-validation',
    reference: 'Microsoft Learn: Domain security; Microsoft Learn: Get-Queue',
    summary: s(
      "A queue's 454 4.7.5 Certificate validation failure: the next hop's certificate failed validation on a hop that requires TLS",
      'キューの 454 4.7.5 Certificate validation failure: TLS が必要なホップで次ホップの証明書の検証に失敗',
    ),
    entries: [
      'remote-probe-next-hop',
      'remote-show-tls-policy',
      'remote-crl-from-here',
      'remote-tell-partner',
      'retry-queue',
      'verify-queue-drains',
    ],
  },
  {
    id: 'remote-chain-untrusted',
    reference: 'Microsoft Learn: Get-Queue; Microsoft Learn: Domain security; Schannel event list (detection-wiki)',
    summary: s(
      "This server does not trust the next hop's certificate chain (UntrustedRoot, Schannel 36882): the partner's chain or a root missing here, not our certificate",
      'このサーバーが次ホップの証明書チェーンを信頼しない (UntrustedRoot、Schannel 36882): こちらの証明書ではなく、取引先のチェーンかここにないルート',
    ),
    entries: [
      { if: 'queueKnown', no: ['remote-find-failing-queue'] },
      'remote-show-chain',
      'remote-verify-chain-here',
      'remote-root-store',
      'remote-show-tls-policy',
      'remote-tell-partner',
      'retry-queue',
      'verify-queue-drains',
    ],
  },
  {
    id: 'ems-restore',
    reference: 'Microsoft Learn: Exchange Back End site certificate binding; KB 2971270',
    summary: s(
      'The admin says the Exchange Management Shell cannot be used: get it back first, without it',
      '管理者が Exchange 管理シェルを使えないと言っている: まず管理シェルなしで接続を回復する',
    ),
    // An Edge has no IIS and no Back End site: its Shell is local, and the snap-in is all there is.
    entries: [{ if: 'shownEdge', no: ['ems-show-store', 'ems-rebind-backend-444'] }, 'ems-local-snapin'],
  },
  {
    id: 'tls-alert-received',
    reference: 'Schannel event list (detection-wiki)',
    summary: s(
      'Schannel 36887: the remote side ended TLS with a certificate alert (46, 48, 42): a chain one side does not trust, not an expired certificate',
      'Schannel 36887: 相手が証明書のアラート (46、48、42) で TLS を終了した: 有効期限ではなく、どちらかが信頼しないチェーン',
    ),
    entries: ['tls-alert-own-chain', 'tls-alert-probe-own', 'tls-alert-add-intermediate', 'remote-find-failing-queue'],
  },
  {
    id: 'tls-no-common-cipher',
    reference: 'Schannel event list (detection-wiki)',
    summary: s(
      'Schannel 36874: a client offered no TLS version or cipher suite this server accepts: not a certificate',
      'Schannel 36874: クライアントがこのサーバーの受け付ける TLS バージョンや暗号スイートを提示しない: 証明書ではない',
    ),
    entries: ['tls-show-protocols'],
  },
  {
    id: 'smtp-connection-dropped',
    reference: 'Microsoft Learn: Get-Queue; Microsoft Learn: Transport and mailbox connectivity',
    summary: s(
      "A queue's 421 4.4.2 / 451 4.4.0 SocketError: the connection failed, not a certificate",
      'キューの 421 4.4.2 / 451 4.4.0 SocketError: 証明書ではなく接続の失敗',
    ),
    entries: ['remote-test-port', 'remote-probe-tls', 'retry-queue', 'verify-queue-drains'],
  },
  {
    id: 'smtp-queue-after-fix',
    reference: 'Microsoft Learn: Retry-Queue; Microsoft Learn: Get-Queue',
    summary: s(
      "A queue's 421 4.4.2 / 451 4.4.0 beside a transport certificate problem of the same server: retried after the fix",
      '同じサーバーのトランスポート証明書の問題と並ぶキューの 421 4.4.2 / 451 4.4.0: 修正後に再試行',
    ),
    entries: ['retry-queue-after-fix', 'verify-queue-after-fix'],
  },
  {
    id: 'hcw-enable-smtp',
    reference: 'Microsoft Learn: Enable-ExchangeCertificate; Hybrid Configuration Wizard',
    summary: s(
      'The Hybrid Configuration Wizard or Set-SendConnector refuses a certificate not enabled for SMTP',
      'ハイブリッド構成ウィザードまたは Set-SendConnector が、SMTP に割り当てていない証明書を拒否する',
    ),
    entries: [
      { if: 'thumbprintKnown', no: ['show-smtp-candidates'] },
      'hcw-enable-smtp',
      'hcw-rerun-smtp',
      'verify-hybrid-connectors-pin',
    ],
  },
  {
    id: 'ask-certificate-listing',
    reference: 'Microsoft Learn: Get-ExchangeCertificate',
    summary: s(
      'A question about an expired certificate with nothing pasted to diagnose yet',
      '診断できるものがまだ貼り付けられていない、期限切れの証明書についての質問',
    ),
    entries: ['ask-certificate-listing', 'ask-certificate-events'],
  },
  {
    id: 'already-imported',
    reference: 'Microsoft Learn: Import-ExchangeCertificate; Enable-ExchangeCertificate',
    summary: s(
      'Import-ExchangeCertificate: a certificate with the thumbprint already exists',
      'Import-ExchangeCertificate: その拇印の証明書がすでにある',
    ),
    entries: ['already-imported-show', 'already-imported-enable'],
  },
  {
    id: 'thumbprint-not-found',
    reference: 'Microsoft Learn: Get-ExchangeCertificate',
    summary: s(
      'A certificate cmdlet: the certificate with the thumbprint was not found',
      '証明書のコマンドレット: その拇印の証明書が見つからない',
    ),
    entries: ['not-found-list'],
  },
];
