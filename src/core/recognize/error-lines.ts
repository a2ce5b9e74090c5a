/**
 * Lines that report an error in words any tool uses (ERROR, failed, exception, エラー, 失敗) or an
 * SMTP failure code (451 4.4.0, 550 5.7.1): a paste that holds one has a problem, whether or not
 * certcheck knows it. Labels that only name a level (Level: Error, レベル: エラー, EntryType : Error)
 * and PowerShell's own switches (-ErrorAction) are not errors.
 */
const ERROR_WORDS =
  /\b(?:ERROR|Error:|errors?\s+(?:occurred|was\s+thrown)|failed|failure|exception|cannot|could\s+not|was\s+not\s+found)\b|エラー|失敗|できません|見つかりません/i;
const SMTP_FAILURE = /\b[45]\d\d[ -][45]\.\d{1,3}\.\d{1,3}\b/;
const LEVEL_LABEL =
  /^\s*(?:Level|Event\s+Type|EntryType|LevelDisplayName|Keywords|レベル|イベントの種類|種類)\s*[:：]\s*(?:Error|エラー|Audit\s+Failure|監査の失敗)\s*$/i;
const NOT_ERRORS = /-ErrorAction\b|\$Error\b|\bErrorActionPreference\b|\bno\s+errors?\b|エラーはありません/i;

/** The first error line of the paste, trimmed and cut to a quotable length; undefined when none. */
export function firstErrorLine(text: string): string | undefined {
  let count = 0;
  for (const raw of text.split('\n')) {
    if (++count > 5000) break;
    const line = raw.trim();
    if (line === '' || line.length > 2000) continue;
    if (LEVEL_LABEL.test(line) || NOT_ERRORS.test(line)) continue;
    if (!ERROR_WORDS.test(line) && !SMTP_FAILURE.test(line)) continue;
    return line.length > 200 ? `${line.slice(0, 199)}…` : line;
  }
  return undefined;
}

/**
 * A question about a certificate in the admin's own words, with nothing to diagnose yet:
 * 「証明書の期限が切れたらしい」, "our exchange cert expired what do I do", "mail stopped, certificate?".
 */
export function asksAboutCertificate(text: string): boolean {
  return /証明書|SSL|TLS|STARTTLS|\bcert(?:ificate)?s?\b|拇印|thumbprint/i.test(text);
}
