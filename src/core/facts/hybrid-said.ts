/**
 * What the admin says about which servers the Hybrid Configuration Wizard uses: "only EX16-01 is in
 * the HCW inbound/outbound", "EX16-02 is not part of the hybrid", 「HCW の対象は EX16-01 だけ」,
 * 「EX16-02 はハイブリッドの対象外」. A server outside the hybrid keeps its Default Frontend connector
 * as it is: the wizard never pinned a certificate on it.
 */
export interface HybridServersSaid {
  /** The servers the admin says are the only ones in the hybrid. */
  only?: string[];
  /** The servers the admin says are not in the hybrid. */
  outside?: string[];
}

/** A name written as Exchange servers are: letters and digits, perhaps hyphens, with a digit. */
const SERVER = /\b[A-Za-z][A-Za-z0-9]{0,14}(?:-[A-Za-z0-9]{1,14}){0,3}\b/g;
const NOT_A_SERVER =
  /^(?:SP\d+|CU\d+|RU\d+|TLS\d*|SHA\d+|RSA\d+|HTTPS?\d*|SMTP\d*|IIS\d*|KB\d+|O365|M365|Office365|EXO\d*|E20\d\d|Exchange\d*|20\d\d|W\d+)$/i;
const HYBRID = /\bHCW\b|Hybrid Configuration Wizard|\bhybrid\b|ハイブリッド/i;
const ONLY = /\bonly\b|\bjust\b|\bsole\b|だけ|のみ|しか/i;
/** Words for being in or out of the wizard's servers, so that "hybrid mail is not flowing from EX01" is none. */
const MEMBER =
  /\b(?:is|are|was|were|isn't|aren't|wasn't|weren't)\s+(?:not\s+|only\s+|also\s+)?(?:in|part of|included in|selected in|chosen in|configured in|set up in|a member of|covered by)\s+(?:the\s+)?(?:HCW|hybrid|wizard)|\b(?:HCW|wizard|hybrid)\b[^.\n]{0,40}\b(?:selected|chose|chosen|uses|used|configured|covers|includes|included)\b|\bhybrid\s+servers?\b|\boutside\s+(?:the\s+)?(?:HCW|hybrid)|\bexcluded\s+from|対象|含ま|選択|選ん|構成し|設定し|使って|使用/i;
const NOT =
  /\bnot\b|n't\b|\boutside\b|\bexcluded\b|\bnever\b|対象外|含まれ(?:てい)?(?:ない|ません)|入って(?:い)?(?:ない|ません)|選(?:ん|択し)て(?:い)?(?:ない|ません)|使って(?:い)?(?:ない|ません)|外れ/i;

function serversIn(clause: string): string[] {
  return [...clause.matchAll(SERVER)]
    .map((m) => m[0])
    .filter((name) => /\d/.test(name) && /[A-Za-z]/.test(name) && !NOT_A_SERVER.test(name));
}

export function hybridServersSaid(text: string): HybridServersSaid {
  const said: HybridServersSaid = {};
  // Every clause that counts names the hybrid: a paste without the word is not split into clauses.
  if (!HYBRID.test(text)) return said;
  // A clause: a sentence, a line or a parenthesis, in English or Japanese.
  for (const clause of text.split(/[.;:!?\n()（）。、]|,\s/)) {
    if (!HYBRID.test(clause) || !MEMBER.test(clause)) continue;
    const servers = serversIn(clause);
    if (servers.length === 0) continue;
    if (ONLY.test(clause) && !NOT.test(clause)) said.only = [...new Set([...(said.only ?? []), ...servers])];
    else if (NOT.test(clause) && !ONLY.test(clause)) said.outside = [...new Set([...(said.outside ?? []), ...servers])];
  }
  return said;
}

/** A server the admin's words put outside the hybrid (named outside it, or another than the only ones named). */
export function outsideHybrid(
  said: HybridServersSaid | undefined,
  server: string,
  key: (s: string) => string,
): boolean {
  if (!said) return false;
  const k = key(server);
  if (said.outside?.some((s) => key(s) === k)) return true;
  return said.only !== undefined && !said.only.some((s) => key(s) === k);
}
