/**
 * Words that deny a database availability group rather than mention one: HealthChecker's
 * `DAG Name: Standalone Server`, the admin's "no DAG", "not in a DAG", "DAG: none", 「DAG なし」,
 * 「DAG は構成していません」. Read as a DAG they would make a lone server one of several.
 */
const DENIALS: readonly RegExp[] = [
  /\bDAG\s*Name\s*:\s*Standalone(?:\s+Server)?\b/gi,
  /\b(?:no|non-?|not\s+(?:in|part\s+of|a\s+member\s+of)\s+(?:a|an?y|the)|(?:is|are)n['’]?t\s+(?:in|part\s+of)\s+(?:a|an?y)|without\s+(?:a|an?y))\s*DAG\b/gi,
  /\bDAG\s*(?:Name)?\s*[:=]\s*(?:none|n\/a|-|standalone)(?![\w-])/gi,
  /DAG\s*(?:は|が|を|も)?\s*(?:なし|無し|ありません|ない|未構成|未使用|構成していません|構成されていません|組んでいません|組んでない|使っていません|使用していません)/g,
  /(?:非|スタンドアロン(?:\s*サーバー)?\s*(?:で|の)?\s*)DAG|DAG\s*(?:名)?\s*[:：]\s*(?:スタンドアロン|なし)/g,
];

/** The text with every denial of a DAG blanked out (same length, so positions still hold). */
export function withoutDagDenials(text: string): string {
  if (!/DAG/i.test(text)) return text;
  let out = text;
  for (const denial of DENIALS) out = out.replace(denial, (match) => ' '.repeat(match.length));
  return out;
}
