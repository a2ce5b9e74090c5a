/**
 * Outlook's and the browser's certificate alert "The name on the security certificate is invalid or
 * does not match the name of the (target) site": the certificate presented for a name clients use does
 * not carry that name. Outlook Anywhere words it for "the proxy server's security certificate" and ends
 * with "(Error Code 10)". What the plan needs: the name, and whether Outlook Anywhere said it.
 */

const HOST = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\\.){1,10}[A-Za-z]{2,63}';

/** The alert in English and Japanese; the name follows "target site" / 「対象サイト」 when Outlook Anywhere says it. */
export const NAME_MISMATCH =
  /name\s+on\s+the\s+security\s+certificate\s+is\s+invalid\s+or\s+does\s+not\s+match\s+the\s+name\s+of\s+the\s+(?:target\s+)?site|セキュリティ証明書の名前[^\n。]{0,60}一致しません/i;

export function nameMismatchValues(text: string, match: RegExpExecArray): Record<string, string | undefined> {
  const after = text.slice(match.index, match.index + match[0].length + 300);
  const before = text.slice(Math.max(0, match.index - 1200), match.index);
  const named =
    new RegExp(`^[^\\n]{0,${match[0].length + 20}}?\\s+(${HOST})`, 'i').exec(after)?.[1] ??
    new RegExp(`対象(?:の)?サイト\\s*(${HOST})`).exec(after)?.[1];
  // The alert dialog shows the name on a line of its own above the checks.
  const ownLine = [...before.matchAll(new RegExp(`^\\s*(${HOST})\\s*$`, 'gim'))].pop()?.[1];
  const proxy = /proxy\s+server['’]s\s+security\s+certificate|プロキシ\s*サーバーのセキュリティ証明書/i.test(
    text.slice(Math.max(0, match.index - 400), match.index + match[0].length),
  );
  const errorCode10 = /\((?:Error\s+Code|エラー\s*コード)\s*[:：]?\s*10\)/i.test(text);
  return {
    host: (named ?? ownLine)?.toLowerCase(),
    outlookAnywhere: proxy || errorCode10 ? 'yes' : undefined,
  };
}
