/**
 * The admin's word that the certificate in question was bought from or issued by a CA: "our DigiCert
 * cert", "the mail cert was purchased from GlobalSign", "issuer of the mail cert is DigiCert …",
 * 「GlobalSign の証明書」「更新した証明書 (GlobalSign)」「購入した証明書」. It settles IsSelfSigned for a
 * certificate carrying a public name when the paste does not show its issuer; the internal transport
 * certificate (the server's own names) is never taken for it.
 */

const BRANDS = String.raw`(?:DigiCert|Sectigo|COMODO|GlobalSign|GoDaddy|Go\s?Daddy|Entrust|GeoTrust|Thawte|RapidSSL|Let'?s\s?Encrypt|ZeroSSL|SECOM|JPRS|Cybertrust|FujiSSL|Certum|Buypass|SSL\.com|AlphaSSL|Starfield)`;
const CERT = String.raw`(?:SSL\s+|TLS\s+|SAN\s+|UCC\s+|wildcard\s+|public\s+|mail\s+)?cert(?:ificate)?s?`;

const CA_SAID: readonly RegExp[] = [
  // "our DigiCert cert", "the GlobalSign certificate", "a purchased SAN cert", "our commercial SSL certificate"
  new RegExp(String.raw`\b(?:our|the|a|an|my)\s+(?:${BRANDS}|purchased|bought|paid|commercial|third[- ]party|public\s+CA)\s+${CERT}\b`, 'i'),
  // "the cert is from DigiCert", "cert purchased from GlobalSign", "certificate issued by Sectigo"
  new RegExp(String.raw`\bcert(?:ificate)?s?\b[^.\n]{0,40}?\b(?:from|by|via|with)\s+${BRANDS}\b`, 'i'),
  // "issuer of the mail cert is DigiCert …", "Issuer: GlobalSign …" written in prose
  new RegExp(String.raw`\bissuer\b[^.\n]{0,40}?\b(?:is|was|:)\s*(?:CN=)?${BRANDS}\b`, 'i'),
  // "bought from GoDaddy", "purchased it from DigiCert"
  new RegExp(String.raw`\b(?:purchased|bought|ordered|renewed)\b[^.\n]{0,20}?\b(?:from|with|at)\s+${BRANDS}\b`, 'i'),
  // 「GlobalSign の証明書」「DigiCert で購入した証明書」「SECOM から発行された証明書」
  new RegExp(String.raw`${BRANDS}\s*(?:の|で購入した|から購入した|から発行された|で発行した|発行の)\s*(?:SSL\s*|サーバー\s*)?証明書`, 'i'),
  // 「更新した証明書 (GlobalSign)」「公開用の証明書 (mail.contoso.co.jp, SECOM)」
  new RegExp(String.raw`証明書\s*[(（][^)）\n]{0,60}?${BRANDS}`, 'i'),
  // 「購入した証明書」「有償の証明書」「市販の証明書」
  new RegExp(String.raw`(?:購入した|購入済みの?|有償の|市販の)\s*(?:SSL\s*|サーバー\s*)?証明書`),
];

export function caSaid(text: string): boolean {
  return CA_SAID.some((pattern) => pattern.test(text));
}

const HOST = /\b[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){2,}\b/g;

/**
 * The host names the sentences that say so name ("mail.contoso.com is a GlobalSign cert"): the word
 * is about a certificate for one of them. Empty when those sentences name none ("our DigiCert cert").
 */
export function caSaidHosts(text: string): string[] {
  const hosts = new Set<string>();
  for (const sentence of text.split(/[。\n]|\.\s/)) {
    if (sentence.length > 600 || !CA_SAID.some((pattern) => pattern.test(sentence))) continue;
    for (const m of sentence.matchAll(HOST)) hosts.add(m[0].toLowerCase());
  }
  return [...hosts];
}
