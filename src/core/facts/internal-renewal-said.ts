/**
 * The admin's word that the server's own self-signed certificate was already replaced as the internal
 * transport certificate: the new one was made or enabled for SMTP with Y to the overwrite prompt
 * ("answered Y to overwrite", 「上書きは Y」), or the internal transport events stopped since ("12015
 * stopped", 「12015 は止まりました」). Only with a newer self-signed certificate of the same name in the
 * listing does it decide anything: that one is then the internal transport certificate.
 */

const ANSWERED_Y: readonly RegExp[] = [
  /\b(?:answered|said|pressed|chose|typed|hit)\s+["'“]?Y(?:es)?["'”]?[^.\n]{0,40}?\b(?:overwrite|prompt)/i,
  /\boverwrit\w*[^.\n]{0,60}?\b(?:answered|said|pressed|chose|typed|hit)\s+["'“]?Y(?:es)?\b/i,
  /\b(?:overwrite|prompt)[^.\n)]{0,20}?[:=]\s*["'“]?Y(?:es)?\b/i,
  /上書き[^。\n]{0,15}?(?:は|に|で|を)\s*[「"“]?[YＹ](?![a-z])/i,
  /上書き[^。\n]{0,30}?[「"“]?[YＹ][」"”]?\s*(?:と|で)\s*(?:答え|回答|応答)/,
];

const EVENTS_STOPPED: readonly RegExp[] = [
  /\b1201[57]\b[^.\n]{0,40}?\b(?:stopped|no longer (?:logged|appears?|shows?)|went away|(?:is|are) gone|disappeared)/i,
  /1201[57]\s*(?:の警告|のエラー|イベント)?\s*(?:は|が|も)\s*(?:止まり|止まっ|出なくな|出ていません|消え|解消)/,
];

export function internalRenewalSaid(text: string): boolean {
  return ANSWERED_Y.some((p) => p.test(text)) || EVENTS_STOPPED.some((p) => p.test(text));
}
