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

/**
 * An error's own record or message, whatever follows on its line: a cmdlet's error record
 * (`Import-ExchangeCertificate : Cannot import…`, `+ CategoryInfo`, `FullyQualifiedErrorId`), a
 * tool's error prefix (`ERROR:`, `[ERROR]`, `エラー:`), a queue's LastError, an exception name.
 */
const ERROR_RECORD =
  /^(?:[A-Z][a-z]+-[A-Za-z0-9]+\s+:\s|\+\s*(?:CategoryInfo|FullyQualifiedErrorId)\b|FullyQualifiedErrorId\b|(?:ERROR|エラー)\s*[:：]|\[(?:ERROR|FAILURE)\]|LastError\s*:|(?:[A-Za-z]+\.)+[A-Za-z]*Exception\b)/;
/** A command the admin typed (at a prompt, or a cmdlet with its parameters): never an error itself. */
const COMMAND =
  /^(?:\[[^\]\n]{1,260}\]:\s*)?(?:\[PS\]\s*)?(?:PS\s+)?[A-Za-z]:\\[^>\n]{0,260}>|^[A-Z][a-z]+-[A-Za-z0-9]+\s+(?!:)[-$'"@({A-Za-z0-9]/;
/**
 * The admin's own sentence: first person, the time of the story, how a symptom looked, or a
 * question. Its words "failed" or 「エラー」 describe; the error itself is what it quotes.
 */
const EN_PROSE =
  /\b(?:I|I'm|I've|I'd|[Ww]e|[Ww]e've|[Ww]e're|[Oo]ur|[Mm]y|me|us|[Yy]esterday|[Tt]onight|[Ll]ast\s+night|[Tt]his\s+morning|[Ss]ince\s+then|won't|doesn't|didn't|isn't|can't)\b|\b(?:shows?|gives?|throws?|gets?|got|getting)\s+(?:an?\s+|the\s+|this\s+)?(?:error|HTTP\s+\d{3}|blank)|\?\s*$/;
const JA_PROSE =
  /私|弊社|当社|我々|のですが|ですが|ください|教えて|気がします|ようです|みたいです|と出ます|と出て|が出ます|が出て|と表示され|になります|になってしまい|昨日|昨夜|今朝|したところ|してから|ユーザー/;
/** What a sentence quotes: "…", “…”, 「…」. */
const QUOTED = /"([^"\n]{4,300})"|“([^”\n]{4,300})”|「([^」\n]{4,300})」/g;

function isError(text: string): boolean {
  return !NOT_ERRORS.test(text) && (ERROR_WORDS.test(text) || SMTP_FAILURE.test(text));
}

/**
 * The error a line reports, or undefined. An error record counts whole. In the admin's own
 * sentence only what it quotes, or what follows its last colon (「実行するとエラーになります: 操作を
 * 完了できません。」), is the error; the sentence around it is not.
 */
function errorIn(line: string): string | undefined {
  if (LEVEL_LABEL.test(line) || NOT_ERRORS.test(line) || COMMAND.test(line)) return undefined;
  if (ERROR_RECORD.test(line)) return line;
  if (!EN_PROSE.test(line) && !JA_PROSE.test(line)) return isError(line) ? line : undefined;
  for (const match of line.matchAll(QUOTED)) {
    const quoted = (match[1] ?? match[2] ?? match[3] ?? '').trim();
    if (isError(quoted)) return quoted;
  }
  const colon = Math.max(line.lastIndexOf(': '), line.lastIndexOf('：'));
  const after = colon >= 0 ? line.slice(colon + 1).trim() : '';
  return after.length >= 4 && !EN_PROSE.test(after) && !JA_PROSE.test(after) && isError(after) ? after : undefined;
}

/** The first error of the paste (a record, or what the admin's sentence quotes), cut to a quotable length; undefined when none. */
export function firstErrorLine(text: string): string | undefined {
  let count = 0;
  for (const raw of text.split('\n')) {
    if (++count > 5000) break;
    const line = raw.trim();
    if (line === '' || line.length > 2000) continue;
    const error = errorIn(line);
    if (error) return error.length > 200 ? `${error.slice(0, 199)}…` : error;
  }
  return undefined;
}

/**
 * A question about a certificate in the admin's own words, with nothing to diagnose yet (expiry and
 * renewal words count: "what do I do now that it expired", 「期限が切れた」):
 * 「証明書の期限が切れたらしい」, "our exchange cert expired what do I do", "mail stopped, certificate?".
 */
export function asksAboutCertificate(text: string): boolean {
  return /証明書|SSL|TLS|STARTTLS|\bcert(?:ificate)?s?\b|拇印|thumbprint|\bexpir|期限|\brenew|有効期間/i.test(text);
}
