/**
 * Who issued the certificate an event names only by its FQDN, when the admin says so in the same
 * sentence: "smtp.wingtiptoys.com is a GlobalSign OV cert", 「smtp.contoso.co.jp は社内 CA の証明書です」,
 * "mail.contoso.com is self-signed". A hedged sentence ("I think", 「たぶん」) decides nothing: the plan
 * then still shows the issuer first.
 */
const PUBLIC_CA =
  /\b(DigiCert|GlobalSign|Sectigo|Comodo|Let'?s\s*Encrypt|Entrust|GoDaddy|Cybertrust|SECOM|JPRS|Thawte|GeoTrust|RapidSSL|Certum|Buypass|ZeroSSL|IdenTrust|QuoVadis|SSL\.com)\b/i;
const PRIVATE_CA =
  /(?:社内|内部|エンタープライズ|企業)\s*CA|\b(?:internal|enterprise|in-house|corporate|our(?:\s+own)?)\s+CA\b|\bAD\s*CS\b/i;
const SELF_SIGNED = /自己署名|self[-\s]?signed/i;
const HEDGE = /\bI\s+think\b|\bmaybe\b|\bprobably\b|\bnot\s+sure\b|\bI\s+believe\b|\?|たぶん|多分|と思い|かも|？/i;
const NOT = /\bnot\b|n't\b|\bno\s+longer\b|ではない|じゃない|ません/i;

export function statedIssuerFor(text: string, fqdn: string | undefined): { selfSigned: boolean } | undefined {
  if (!fqdn || !fqdn.includes('.')) return undefined;
  const name = fqdn.toLowerCase();
  for (const sentence of text.split(/[。\n]|\.\s/)) {
    if (sentence.length > 400 || !sentence.toLowerCase().includes(name)) continue;
    if (HEDGE.test(sentence) || NOT.test(sentence)) continue;
    if (PUBLIC_CA.test(sentence) || PRIVATE_CA.test(sentence)) return { selfSigned: false };
    if (SELF_SIGNED.test(sentence)) return { selfSigned: true };
  }
  return undefined;
}
