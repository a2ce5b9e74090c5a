/**
 * What the admin says of a device in front of Exchange that terminates TLS on 443: "the Kemp does SSL
 * offload + re-encrypt", "the VIP terminates TLS", "F5 で SSL オフロード", 「ロード バランサーで SSL を終端」.
 * Such a device presents its own copy of the certificate: renewing it on Exchange changes nothing
 * clients see until the device holds the renewal too. "No SSL offload, pass-through" says the opposite.
 */
export interface OffloadSaid {
  /** The device as the admin names it ("Kemp LoadMaster", "F5 BIG-IP"), when they do. */
  device?: string;
}

const OFFLOAD: readonly RegExp[] = [
  /\b(?:SSL|TLS|HTTPS)[- ]?(?:offload(?:ing|ed|s)?|bridg(?:e|ed|ing)|terminat(?:ion|es|ing|ed)|decrypt(?:ion|s|ing)?)\b/i,
  /\b(?:offloads?|offloading|offloaded|terminates?|terminating|decrypts?|decrypting|bridges?|bridging)\s+(?:the\s+)?(?:SSL|TLS|HTTPS)\b/i,
  /\bre-?encrypt(?:s|ion|ing|ed)?\b/i,
  /(?:SSL|TLS|HTTPS)\s*(?:の)?\s*(?:オフロード|ブリッジ|終端|復号)/,
  /(?:SSL|TLS|HTTPS)\s*を\s*(?:オフロード|終端|復号)/,
  /再暗号化/,
];

/** "no SSL offload", "without offloading", "doesn't terminate TLS", 「SSL オフロードはしていません」「パススルー」. */
const NOT_OFFLOAD =
  /\b(?:no|without|not|never|isn't|doesn't|don't|aren't)\b[^.\n,;]{0,25}(?:offload|terminat|bridg|decrypt)|(?:オフロード|終端|ブリッジ)\s*(?:は|を)?\s*(?:して(?:い)?(?:ない|ません)|しない|なし|無し)/i;

const DEVICE =
  /\b(Kemp(?:\s+LoadMaster)?|LoadMaster|F5(?:\s+BIG-IP)?|BIG-IP(?:\s+LTM)?|NetScaler|Citrix ADC|A10(?:\s+Thunder)?|HAProxy|FortiADC|Barracuda|Azure Application Gateway|Application Gateway|AWS ALB|nginx|IIS ARR)\b/i;

/** Every offload pattern holds one of these: a paste without any is not split into clauses at all. */
const OFFLOAD_WORDS = /offload|terminat|bridg|decrypt|encrypt|オフロード|ブリッジ|終端|復号|暗号化/i;

export function offloadSaid(text: string): OffloadSaid | undefined {
  if (!OFFLOAD_WORDS.test(text)) return undefined;
  for (const clause of text.split(/[.;!?\n()（）。]|,\s/)) {
    if (!OFFLOAD.some((pattern) => pattern.test(clause)) || NOT_OFFLOAD.test(clause)) continue;
    // The device is named in the same sentence, or elsewhere in the admin's words.
    const device = DEVICE.exec(clause)?.[1] ?? DEVICE.exec(text)?.[1];
    return device ? { device } : {};
  }
  return undefined;
}
