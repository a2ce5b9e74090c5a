/**
 * The admin says no CA-issued certificate exists for the server ("we never bought a public cert for
 * the edge", "there is no CA certificate", 「公的な証明書は購入していません」, 「ずっと自己署名です」):
 * a plan never tells them to enable one, and says partners that require TLS need one.
 */

const CA_KIND = String.raw`(?:public|commercial|CA[- ]?(?:issued|signed)?|third[- ]party|purchased|bought|paid|real|trusted)`;
const CERT = String.raw`(?:SSL\s+|TLS\s+|SAN\s+)?cert(?:ificate)?s?`;

const SAID_EN: readonly RegExp[] = [
  new RegExp(
    String.raw`\bnever\s+(?:bought|purchased|got|had|ordered)\s+(?:a|any|an)\s+(?:${CA_KIND}\s+)?${CERT}\b`,
    'i',
  ),
  new RegExp(String.raw`\b(?:there\s+is|there's|we\s+have|it\s+has)\s+no\s+${CA_KIND}\s+${CERT}\b`, 'i'),
  new RegExp(String.raw`\b(?:do|does)\s*(?:n['’]?t|\s+not)\s+have\s+(?:a|any|an)\s+${CA_KIND}\s+${CERT}\b`, 'i'),
  /\b(?:it['’]s|it\s+has|we['’]ve)\s+always\s+(?:been|used)\s+(?:on\s+)?the\s+self[- ]signed\b/i,
  /\bonly\s+(?:ever\s+)?(?:had|have|used?)\s+(?:the\s+)?self[- ]signed\s+(?:one|cert)/i,
];

const SAID_JA: readonly RegExp[] = [
  /(?:公的な?|パブリック|商用の?|購入した|有償の?|CA\s*(?:から|で)?\s*発行(?:された|した|の)?|市販の?)\s*(?:SSL\s*)?(?:サーバー)?証明書[はを]?\s*(?:一度も\s*)?(?:ありません|ない|購入していません|買っていません|持っていません|使っていません|入っていません)/,
  /(?:ずっと|最初から|これまで)\s*自己署名/,
  /自己署名(?:証明書)?\s*しか\s*(?:ありません|ない|使っていません|持っていません)/,
];

export function saysNoCaCertificate(text: string): boolean {
  return SAID_EN.some((p) => p.test(text)) || SAID_JA.some((p) => p.test(text));
}
