/**
 * Japanese takes no space between a word and the particle after it: 「サーバー に」 is wrong,
 * 「サーバーに」 right, while 「EX01 に」 (a Latin name) and 「エッジ トランスポート」 (Microsoft's
 * spaced katakana terms) keep theirs. Applied to every Japanese sentence the core words.
 */
export function tidyJapanese(text: string): string {
  return text.replace(/([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]) (?=\p{Script=Hiragana})/gu, '$1');
}
