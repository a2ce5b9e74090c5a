import { CONDITIONS } from '../../core/facts/conditions.js';
import type { Language } from '../../core/model.js';

/**
 * A step's condition in the reply's language, from the core's own wording of it ("If the 443
 * binding shows a valid CA-issued certificate"); `!name` is its other outcome. A name the core
 * does not word, or words only with the facts filled in, is left out rather than shown raw.
 */
export function conditionText(lang: Language): (when: string) => string | undefined {
  return (when) => {
    const negated = when.startsWith('!');
    const condition = CONDITIONS[negated ? when.slice(1) : when];
    if (!condition || condition.version) return undefined;
    const text = (negated ? condition.ifFalse : condition.ifTrue)[lang];
    // A wording the core fills from the facts ("{thumbprintWords}") is only said in its titles.
    return /\{\w+\}/.test(text) ? undefined : text;
  };
}
