import type { CertificateFacts, Language } from '../model.js';
import type { PlanRequest } from '../steps.js';
import type { Judgement } from './judgement.js';

/**
 * The admin's word that the Exchange Management Shell cannot be used ("no EMS access", "remote PS
 * broken", "EMS won't connect", 「EMS が開けない」「管理シェルにつながりません」), or the Shell's own
 * "Connecting to remote server … failed": every Exchange cmdlet of the plan needs it, so the plan
 * first gets it back, with commands that do not need it.
 */

const SHELL = String.raw`(?:the\s+)?(?:EMS|Exchange\s+Management\s+Shell|Management\s+Shell|Exchange\s+(?:Mgmt\s+)?Shell|remote\s+PowerShell|remote\s+PS|PowerShell\s+remoting|Exchange\s+PowerShell)`;
const SHELL_JA = String.raw`(?:EMS|(?:Exchange\s?)?管理シェル|リモート\s?PowerShell|リモート\s?PS|Exchange\s?PowerShell)`;

const SAYS_UNAVAILABLE: readonly RegExp[] = [
  // "No EMS access", "without EMS", "can't open the Exchange Management Shell", "I don't have EMS open".
  new RegExp(
    String.raw`\b(?:no|without|lost|(?:can(?:no|['’])?t|cannot|unable\s+to|could\s*n['’]?o?t|don['’]?t\s+have|do\s+not\s+have)\s+(?:\w+\s+){0,2}?)${SHELL}\b`,
    'i',
  ),
  // "EMS won't (even) connect", "remote PS broken", "EMS is down", "EMS says "Connecting to remote
  // server … failed"": the failure is the Shell's own, said right after it. "In EMS, Enable-… fails"
  // is a cmdlet failing, not the Shell.
  new RegExp(
    String.raw`\b${SHELL}\b(?:\s+(?:itself|also|too|now|still|just|access|connection|session|here|today|on\s+[A-Za-z0-9-]{1,15}))*\s*(?:(?:is|are|was|has\s+been|keeps?|seems)\s+)?(?:also\s+|still\s+|now\s+|completely\s+|totally\s+)?(?:broken|down|dead|failing|fails|failed|hangs|hanging|times\s+out|timed\s+out|not\s+working|unusable|unavailable|(?:won['’]?t|doesn['’]?t|does\s+not|will\s+not|can['’]?t|cannot|isn['’]?t|is\s+not)\s+(?:even\s+)?(?:open|opening|connect|connecting|load|loading|start|starting|work|working)|says\s+"?Connecting\s+to\s+remote\s+server)`,
    'i',
  ),
  // 「EMS が開けない」「管理シェルにつながりません」「EMS も今使えません」.
  new RegExp(
    String.raw`${SHELL_JA}[^。\n\-]{0,15}?(?:開け(?:ない|ません)|起動(?:でき|し)(?:ない|ません)|(?:接続|使用)(?:でき(?:ない|ません))|つなが(?:らない|りません|らなくなり)|使え(?:ない|ません)|動か(?:ない|なく)|動きません|落ちる|落ちます)`,
  ),
  // The Shell's own errors, pasted: remote PowerShell to the server failed (English and Japanese).
  /Connecting\s+to\s+remote\s+server\s+\S{1,253}\s+failed\s+with\s+the\s+following\s+error\s+message/i,
  /The\s+WinRM\s+client\s+received\s+an\s+HTTP\s+server\s+error\s+status\s+\(500\)/i,
  /リモート\s?サーバー\s?\S{1,253}\s?への接続に失敗しました。次のエラー\s?メッセージが返されました/,
];

/** Whether the admin says the Exchange Management Shell cannot be used now. */
export function saysEmsUnavailable(text: string): boolean {
  return SAYS_UNAVAILABLE.some((pattern) => pattern.test(text));
}

/** Plans that already bring the Back End binding back first, without the Shell. */
const RESTORES_BACKEND: ReadonlySet<string> = new Set(['backend-444-rebind']);

const AUTH_SUBJECT = /Microsoft Exchange Server Auth Certificate/i;

/**
 * The server's own valid self-signed certificate for the Back End binding while the Shell is down
 * (what Setup binds there). Never a CA certificate: the plan may renew and remove that one, which
 * would leave 444 on a deleted certificate again.
 */
function backendCandidate(certificates: readonly CertificateFacts[]): string | undefined {
  const valid = certificates.filter(
    (c) =>
      c.thumbprint &&
      c.source !== 'event' &&
      c.daysLeft !== undefined &&
      c.daysLeft >= 7 &&
      !AUTH_SUBJECT.test(c.subject) &&
      c.status !== 'PendingRequest',
  );
  return valid.find((c) => c.selfSigned === true || (c.issuer !== '' && c.issuer === c.subject))?.thumbprint;
}

export interface EmsInput {
  paste: string;
  plans: readonly PlanRequest[];
  certificates: readonly CertificateFacts[];
  language: Language;
  /** The server the paste is about, short name. */
  server?: string;
}

/** The finding and the plan that come first when the Shell is down; nothing when it is not said. */
export function judgeEmsUnavailable({ paste, plans, certificates, language, server }: EmsInput): Judgement {
  if (!saysEmsUnavailable(paste)) return { findings: [], plans: [] };
  // A Back End plan already rebinds 444 with IIS's own module before any Exchange cmdlet.
  if (plans.some((plan) => RESTORES_BACKEND.has(plan.plan))) return { findings: [], plans: [] };
  const candidate = backendCandidate(certificates);
  return {
    findings: [{ code: 'EMS_UNAVAILABLE', severity: 'warning', message: WORDS[language](server) }],
    plans: [
      {
        plan: 'ems-restore',
        values: { ...(server && { server }), ...(candidate && { backendCandidate: candidate }) },
      },
    ],
  };
}

const WORDS: Record<Language, (server: string | undefined) => string> = {
  en: (server) =>
    `You say the Exchange Management Shell cannot be used${server ? ` on ${server}` : ''}: the Exchange cmdlets of the plan need it, so the first steps get it back without it. On Exchange 2013 and later the Shell connects through the Exchange Back End site (https 444): netsh http show sslcert ipport=0.0.0.0:444 shows the certificate bound there, which must still be in the store and not expired (a deleted one stops the Shell, OWA and ECP); the store listing also shows whether the Auth certificate has expired. If the Shell still does not connect, Exchange's snap-in loaded on the server itself runs the certificate cmdlets: Microsoft does not support it for everyday use, but it works in an emergency.`,
  ja: (server) =>
    `${server ? `${server} で ` : ''}Exchange 管理シェルが使えないとのことですが、対処の Exchange コマンドレットには管理シェルが必要です。最初の手順で、管理シェルを使わずに接続を回復します。Exchange 2013 以降の管理シェルは Exchange Back End サイト (https 444) を通って接続します。netsh http show sslcert ipport=0.0.0.0:444 でそこにバインドされた証明書がわかり、その証明書がストアにあって期限内である必要があります (削除されていると管理シェル、OWA、ECP が止まります)。ストアの一覧で Auth 証明書が期限切れかどうかもわかります。それでも接続できない場合は、サーバー自身で Exchange のスナップインを読み込むと証明書のコマンドレットを実行できます。日常の利用は Microsoft がサポートしていませんが、緊急時には動きます。`,
};
