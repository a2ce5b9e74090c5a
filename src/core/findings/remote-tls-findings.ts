import type { CertificateFacts, EventFacts, Language } from '../model.js';
import type { Symptom } from '../recognize/evidence.js';
import { hostOf } from './event-findings.js';
import type { Judgement } from './judgement.js';

/**
 * TLS failures whose certificate is the other side's, or no certificate at all: Schannel 36882 and
 * 36881 (the remote server's chain is untrusted or out of date here), 36887/36888 with a certificate
 * alert, 36874 (no TLS version or cipher in common), and a queue whose LastError says
 * `UntrustedRoot SSL certificate validation failed for 'host'`. Each gets a finding that says so and
 * a plan that looks at the partner's chain and this server's roots; none renews, replaces or enables
 * a certificate of ours, because none of these is fixed that way.
 */

/** TLS alerts (RFC 5246 §7.2) that refuse a certificate, by the name the RFC gives them. */
const CERTIFICATE_ALERTS: Readonly<Record<number, string>> = {
  42: 'bad_certificate',
  43: 'unsupported_certificate',
  44: 'certificate_revoked',
  45: 'certificate_expired',
  46: 'certificate_unknown',
  48: 'unknown_ca',
};

interface Alert {
  code: number;
  /** Received from the remote endpoint (36887) or generated here and sent to it (36888). */
  received: boolean;
}

/**
 * The alert codes the paste's Schannel texts give, each with the direction the text around it says:
 * "The TLS protocol defined fatal alert code is 46" after "received"/"generated" (受信/生成), the
 * older "The following fatal alert was received: 46", and the XML view's AlertDesc.
 */
export function readAlerts(paste: string): Alert[] {
  const alerts: Alert[] = [];
  const patterns = [
    /fatal\s+(?:alert|error)\s+code\s+is\s+(\d{1,3})/gi,
    /following\s+fatal\s+alert\s+was\s+(?:received|generated)\s*:\s*(\d{1,3})/gi,
    /(?:アラート|警告)\s*コードは\s*(\d{1,3})/g,
    /致命的な(?:警告|アラート)を(?:受信|生成)しました\s*[:：]\s*(\d{1,3})/g,
    /AlertDesc["']?\s*>\s*(\d{1,3})\s*</gi,
  ];
  for (const pattern of patterns) {
    for (const match of paste.matchAll(pattern)) {
      const before = paste.slice(Math.max(0, match.index - 400), match.index + match[0].length);
      const received = lastIndexOf(before, /received|受信/gi);
      const generated = lastIndexOf(before, /generated|生成/gi);
      // Without either word the event ID nearest above decides.
      const id = lastIndexOf(before, /3688[78]/g);
      const isReceived = received >= 0 || generated >= 0 ? received > generated : before.slice(id, id + 5) !== '36888';
      alerts.push({ code: Number(match[1]), received: isReceived });
    }
  }
  return alerts;
}

function lastIndexOf(text: string, pattern: RegExp): number {
  let last = -1;
  for (const match of text.matchAll(pattern)) last = match.index;
  return last;
}

const isSchannel = (event: EventFacts) => !event.source || /schannel/i.test(event.source);

export interface RemoteTlsInput {
  paste: string;
  events: readonly EventFacts[];
  symptoms: readonly Symptom[];
  language: Language;
  /** The server the paste names when its events do not. */
  server?: string;
  /** The paste's certificates: the name partners reach this server by is on its CA-issued SMTP one. */
  certificates?: readonly CertificateFacts[];
}

/** Mail waits in a queue to retry (Get-Queue | fl or ft): the alerts are failing real mail. */
const QUEUE_RETRYING = /^[ \t]*Status[ \t]*:[ \t]*Retry\b|[ \t]Retry[ \t]+\d/m;

/** The name of the valid CA-issued certificate this server presents on SMTP: what a partner connects to. */
function smtpName(certificates: readonly CertificateFacts[]): string | undefined {
  const presented = certificates.filter(
    (c) =>
      c.services?.includes('SMTP') &&
      c.selfSigned !== true &&
      !(c.issuer !== '' && c.issuer === c.subject) &&
      (c.daysLeft === undefined || c.daysLeft >= 0),
  );
  const cn = /(?:^|,\s*)CN\s*=\s*([^,]+)/i.exec(presented[0]?.subject ?? '')?.[1]?.trim();
  return cn && /\./.test(cn) && !cn.startsWith('*') ? cn : undefined;
}

export function judgeRemoteTls({
  paste,
  events,
  symptoms,
  language,
  server: named,
  certificates = [],
}: RemoteTlsInput): Judgement {
  const judgement: Judgement = { findings: [], plans: [] };
  const schannel = events.filter(isSchannel);
  const withId = (id: number) => schannel.filter((event) => event.id === id);
  const untrusted = withId(36882);
  const expired = withId(36881);
  const queue = symptoms.find((symptom) => symptom.id === 'remote-chain-untrusted');
  const alerts = withId(36887).length + withId(36888).length > 0 ? readAlerts(paste) : [];
  const certificateAlerts = alerts.filter((alert) => CERTIFICATE_ALERTS[alert.code] !== undefined);
  const refusedHere = withId(36888).length > 0 && certificateAlerts.some((alert) => !alert.received);
  const refusedThere = withId(36887).length > 0 ? certificateAlerts.find((alert) => alert.received) : undefined;
  const computer =
    [...untrusted, ...expired, ...withId(36887), ...withId(36888), ...withId(36874)].find((e) => e.computer)
      ?.computer ?? named;
  const server = queue?.values.server ?? (computer ? hostOf(computer) : undefined);
  const words = WORDS[language];

  // A queue whose chain built but whose certificate is out of date or cannot be checked for revocation.
  const queueStatus = queue?.values.status;
  const notTrust =
    queueStatus !== undefined &&
    /^(?:NotTimeValid|Revoked|RevocationStatusUnknown|OfflineRevocation)$/i.test(queueStatus);
  if (queue && queueStatus && notTrust && untrusted.length === 0) {
    const { peer, nextHopDomain: domain } = queue.values;
    const values = {
      ...(server && { server }),
      ...(peer && { peer }),
      ...(domain && { domain }),
      ...(queue.values.queue && { queue: queue.values.queue }),
      status: queueStatus,
    };
    judgement.findings.push({
      code: /^NotTimeValid$/i.test(queueStatus) ? 'REMOTE_CERT_EXPIRED' : 'REMOTE_CERT_VALIDATION_FAILED',
      severity: 'warning',
      message: words.queueStatus(values),
      reference: 'Microsoft Learn: Get-Queue',
    });
    judgement.plans.push({
      plan: 'remote-cert-validation',
      values: {
        ...(peer && { peer }),
        ...(queue.values.queue && { queue: queue.values.queue }),
        ...(server && { server }),
      },
    });
  } else if (untrusted.length > 0 || queue || refusedHere) {
    const { peer, nextHopDomain: domain, status } = queue?.values ?? {};
    const logged = [untrusted.length > 0 && 36882, refusedHere && 36888, refusedThere && 36887].filter(
      (id): id is number => typeof id === 'number',
    );
    judgement.findings.push({
      code: 'REMOTE_CERT_VALIDATION_FAILED',
      severity: 'warning',
      ...(logged[0] !== undefined && { eventId: logged[0] }),
      message: words.untrusted({
        ...(server && { server }),
        ...(peer && { peer }),
        ...(domain && { domain }),
        ...(queue?.values.queue && { queue: queue.values.queue }),
        ...(status && { status }),
        logged,
        ...(refusedThere && { alert: refusedThere.code }),
      }),
      reference: 'Schannel event list (detection-wiki); Microsoft Learn: Get-Queue',
    });
    judgement.plans.push({
      plan: 'remote-chain-untrusted',
      values: {
        ...(peer && { peer }),
        ...(queue?.values.queue && { queue: queue.values.queue }),
        ...(server && { server }),
      },
    });
  } else if (expired.length > 0) {
    judgement.findings.push({
      code: 'REMOTE_CERT_EXPIRED',
      severity: 'warning',
      eventId: 36881,
      message: words.expired({ ...(server && { server }) }),
    });
    judgement.plans.push({ plan: 'remote-cert-validation', values: { ...(server && { server }) } });
  } else if (refusedThere) {
    judgement.findings.push({
      code: 'TLS_CERTIFICATE_ALERT',
      severity: QUEUE_RETRYING.test(paste) ? 'warning' : 'info',
      eventId: 36887,
      message: words.alertReceived({ ...(server && { server }), alert: refusedThere.code }),
    });
    judgement.plans.push({
      plan: 'tls-alert-received',
      values: {
        ...(server && { server }),
        ...(computer?.includes('.') && { serverFqdn: computer }),
        // The chain a partner is sent is the one on the name it connects to.
        ...(smtpName(certificates) && { fqdn: smtpName(certificates) }),
      },
    });
  }
  if (withId(36874).length > 0) {
    judgement.findings.push({
      code: 'TLS_NO_COMMON_CIPHER',
      severity: 'info',
      eventId: 36874,
      message: words.noCommonCipher({ ...(server && { server }) }),
    });
    judgement.plans.push({ plan: 'tls-no-common-cipher', values: { ...(server && { server }) } });
  }
  return judgement;
}

interface Words {
  untrusted(p: {
    server?: string;
    peer?: string;
    domain?: string;
    queue?: string;
    status?: string;
    logged: readonly number[];
    alert?: number;
  }): string;
  expired(p: { server?: string }): string;
  queueStatus(p: { server?: string; peer?: string; domain?: string; queue?: string; status: string }): string;
  alertReceived(p: { server?: string; alert: number }): string;
  noCommonCipher(p: { server?: string }): string;
}

const alertName = (code: number) => `${code} (${CERTIFICATE_ALERTS[code] ?? 'alert'})`;

const WORDS: Record<Language, Words> = {
  en: {
    untrusted: ({ server, peer, domain, queue, status, logged, alert }) =>
      [
        `${server ?? 'This server'} does not trust the certificate chain that ${peer ?? 'the remote server'} presents`,
        queue || domain
          ? ` (${[queue && `queue ${queue}`, domain && `to ${domain}`].filter(Boolean).join(' ')}: ${status ?? 'certificate validation failed'})`
          : '',
        logged.includes(36882) ? '; Schannel 36882 says the same: its CA is not trusted here' : '',
        logged.includes(36888) && !logged.includes(36882)
          ? '; Schannel 36888 says this server refused the certificate it was sent'
          : '',
        '. The chain ends at a root certificate this server does not have, or the partner does not send its intermediate certificate.',
        alert !== undefined
          ? ` Event 36887 with alert ${alertName(alert)} is the other direction of the same trouble: the remote side refused a certificate in the handshake because it lacks a root or intermediate of the chain it was sent.`
          : '',
        " It is the partner's chain, or a root or intermediate certificate missing from this server's store: your own Exchange certificate plays no part, so do not renew, replace or re-enable it. Check the partner's chain and this server's trusted roots with the steps below.",
      ].join(''),
    queueStatus: ({ server, peer, domain, queue, status }) =>
      `${server ?? 'This server'} refuses the certificate that ${peer ?? 'the remote server'} presents (${[queue && `queue ${queue}`, domain && `to ${domain}`].filter(Boolean).join(' ') || 'delivery'}: ${status}): ${
        /^NotTimeValid$/i.test(status)
          ? "it has expired or is not yet valid. It is the partner's certificate, not yours: ask its administrators to renew it"
          : /^Revoked$/i.test(status)
            ? "its CA has revoked it. It is the partner's certificate, not yours: ask its administrators to replace it"
            : 'this server could not check whether it is revoked: its CRL or OCSP address cannot be reached from here (often through the WinHTTP proxy). Check that this server reaches it'
      }, and change no certificate or connector here.`,
    expired: ({ server }) =>
      `Schannel 36881 on ${server ?? 'this server'}: the certificate the remote server presented has expired or is not yet valid. It is the remote server's certificate, not yours: ask its administrators to renew it, and change no certificate or connector here.`,
    alertReceived: ({ server, alert }) =>
      `Schannel 36887 on ${server ?? 'this server'}: the remote side ended TLS handshakes with fatal alert ${alertName(alert)}, which means it did not accept a certificate in the handshake. Most often it lacks the root or an intermediate of the chain this server sends (or the intermediate is missing here). It does not mean your certificate has expired: do not renew or replace it for this. Check the chain this server presents and which partner or client sends the alert.`,
    noCommonCipher: ({ server }) =>
      `Schannel 36874 on ${server ?? 'this server'}: a remote client offered no TLS version or cipher suite this server accepts, often a client or device that still speaks only TLS 1.0/1.1 after they were turned off here. It is not a certificate problem: no certificate change helps. Find the client and update it, or review which TLS versions this server allows.`,
  },
  ja: {
    untrusted: ({ server, peer, domain, queue, status, logged, alert }) =>
      [
        `${server ? `${server} ` : 'このサーバー'}は、${peer ? `${peer} ` : '相手のサーバー'}が提示する証明書チェーンを信頼していません`,
        queue || domain
          ? ` (キュー${queue ? ` ${queue}` : ''}${domain ? `、宛先 ${domain}` : ''}: ${status ?? 'certificate validation failed'})`
          : '',
        '。',
        logged.includes(36882) ? 'Schannel 36882 も、その CA がここで信頼されていないことを示しています。' : '',
        logged.includes(36888) && !logged.includes(36882)
          ? 'Schannel 36888 は、このサーバーが送られた証明書を拒否したことを示しています。'
          : '',
        'チェーンがこのサーバーにないルート証明書で終わっているか、取引先が中間証明書を送っていません。',
        alert !== undefined
          ? `アラート ${alertName(alert)} のイベント 36887 は、同じ問題の逆方向です。相手側が、送られたチェーンのルートまたは中間証明書を持たないため、ハンドシェイクで証明書を拒否しました。`
          : '',
        '原因は取引先のチェーンか、このサーバーのストアにないルートまたは中間証明書です。こちらの Exchange 証明書は関係ないため、更新、置き換え、再割り当てはしないでください。下の手順で、取引先のチェーンとこのサーバーの信頼されたルートを確認します。',
      ].join(''),
    queueStatus: ({ server, peer, domain, queue, status }) =>
      `${server ? `${server} ` : 'このサーバー'}は、${peer ? `${peer} ` : '相手のサーバー'}が提示する証明書を拒否しています (${[queue && `キュー ${queue}`, domain && `宛先 ${domain}`].filter(Boolean).join('、') || '配信'}: ${status})。${
        /^NotTimeValid$/i.test(status)
          ? '証明書が期限切れか、まだ有効になっていません。こちらではなく取引先の証明書です。先方の管理者に更新を依頼し'
          : /^Revoked$/i.test(status)
            ? '証明書は CA によって失効されています。こちらではなく取引先の証明書です。先方の管理者に交換を依頼し'
            : 'このサーバーから、その証明書が失効していないかを確認できませんでした。CRL または OCSP のアドレスにここから到達できません (WinHTTP のプロキシが原因のことがよくあります)。このサーバーから到達できるかを確認し'
      }、こちらの証明書やコネクタは変更しないでください。`,
    expired: ({ server }) =>
      `${server ? `${server} ` : 'このサーバー'}の Schannel 36881: 相手のサーバーが提示した証明書が期限切れか、まだ有効になっていません。こちらではなく相手のサーバーの証明書です。先方の管理者に更新を依頼し、こちらの証明書やコネクタは変更しないでください。`,
    alertReceived: ({ server, alert }) =>
      `${server ? `${server} ` : 'このサーバー'}の Schannel 36887: 相手側が致命的なアラート ${alertName(alert)} で TLS ハンドシェイクを終了しました。ハンドシェイクで証明書を受け入れなかったことを示します。多くの場合、このサーバーが送るチェーンのルートか中間証明書を相手が持っていません (またはこちらに中間証明書がありません)。こちらの証明書が期限切れという意味ではないため、このために更新や置き換えはしないでください。このサーバーが提示するチェーンと、アラートを送っている取引先やクライアントを確認します。`,
    noCommonCipher: ({ server }) =>
      `${server ? `${server} ` : 'このサーバー'}の Schannel 36874: リモート クライアントが、このサーバーの受け付ける TLS バージョンや暗号スイートを 1 つも提示しませんでした。TLS 1.0/1.1 を無効にした後も、それしか使えないクライアントや機器であることが多くあります。証明書の問題ではなく、証明書を変更しても解決しません。クライアントを特定して更新するか、このサーバーで許可している TLS バージョンを見直してください。`,
  },
};
