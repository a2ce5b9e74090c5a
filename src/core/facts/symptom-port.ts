/**
 * The port whose clients the admin says fail, read from the prose around the paste: 443 when
 * the ones failing are HTTPS clients (Outlook, OWA, ActiveSync, phones, browsers), 25 when mail
 * between servers fails (partners, queues, STARTTLS). A chain fix reloads and checks the service
 * behind that port; when the prose names both, or neither, it says nothing.
 */

const HTTPS_CLIENTS = new RegExp(
  [
    /\bOWA\b|\bECP\b|Outlook\s+on\s+the\s+web|Outlook\s+Anywhere|\bMAPI\s*(?:over|\/)\s*HTTP\b|\bEWS\b/.source,
    /\bActiveSync\b|\bEAS\b|\biPhones?\b|\biPads?\b|\biOS\b|\bAndroid\b|\bmobile\s+(?:devices?|phones?|clients?)\b/
      .source,
    /\b(?:Mac\s+)?Outlook(?:\s+for\s+Mac)?\b(?!\s+on\s+the\s+web)|\bbrowsers?\b|\bHTTPS\b|:443\b|\bport\s+443\b/.source,
    /ブラウザー?|スマート\s*フォン|スマホ|モバイル|アウトルック|443\s*番?ポート|ポート\s*443/.source,
  ].join('|'),
  'i',
);

const MAIL_FLOW = new RegExp(
  [
    /\bpartners?\b[^.\n]{0,60}\b(?:mail|TLS|connect)|\bqueues?\b|\bGet-Queue\b|\bSTARTTLS\b|\bport\s+25\b|:25\b/.source,
    /\b(?:inbound|outbound)\s+mail\b|\bmail\s+flow\b|\b4[45][14]\s+[45]\.\d/.source,
    /パートナー|キュー|メール\s*フロー|受信メール|送信メール|ポート\s*25|25\s*番?ポート/.source,
  ].join('|'),
  'i',
);

/** The admin's own words: pasted PEM blocks and base64 lines carry letters, not symptoms. */
function prose(text: string): string {
  return withoutArmour(text).replace(/^[A-Za-z0-9+/=]{40,}$/gm, ' ');
}

/**
 * The text without its BEGIN … END blocks, found by plain searches that each go forward once: a
 * pattern with a lazy run from every BEGIN would scan the rest of a paste of BEGIN lines without an
 * END once per line.
 */
function withoutArmour(text: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const begin = text.indexOf('-----BEGIN ', at);
    if (begin < 0) break;
    const end = text.indexOf('-----END ', begin);
    if (end < 0) break;
    const close = text.indexOf('-----', end + 9);
    if (close < 0) break;
    out += `${text.slice(at, begin)} `;
    at = close + 5;
  }
  return out + text.slice(at);
}

export function statedSymptomPort(text: string): number | undefined {
  const words = prose(text);
  const https = HTTPS_CLIENTS.test(words);
  const mail = MAIL_FLOW.test(words);
  if (https === mail) return undefined;
  return https ? 443 : 25;
}
