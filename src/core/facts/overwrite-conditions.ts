import type { Wording } from '../knowledge/library-model.js';
import type { Condition } from './conditions.js';
import { isValid } from './plan-scope.js';

const w = (en: string, ja: string): Wording => ({ en, ja });

/**
 * The overwrite-default-SMTP prompt as the paste shows it: a self-signed copy of a CA certificate
 * (no renewal), the answer already typed, and whether the previous internal transport certificate
 * can take its role back. Each decided by the paste alone.
 */
export const OVERWRITE_CONDITIONS: Readonly<Record<string, Condition>> = {
  overwriteNewIsCaCopy: {
    test: (s) => s.values.overwriteNew === 'ca-copy',
    unknown: 'else',
    ifTrue: w(
      'The new certificate is a self-signed copy of a CA certificate',
      '新しい証明書は CA の証明書の自己署名のコピーです',
    ),
    ifFalse: w(
      'The new certificate is not a copy of a CA certificate',
      '新しい証明書は CA の証明書のコピーではありません',
    ),
  },
  promptAnswered: {
    test: (s) => s.values.promptAnswer !== undefined,
    unknown: 'else',
    ifTrue: w('The paste shows the prompt already answered', '貼り付けでは確認にすでに入力済みです'),
    ifFalse: w('The paste shows no answer typed yet', '貼り付けでは確認にまだ入力していません'),
  },
  promptAnsweredY: {
    test: (s) => s.values.promptAnswer === 'Y',
    unknown: 'else',
    ifTrue: w('Y was typed at the prompt', '確認に Y を入力済みです'),
    ifFalse: w('N was typed at the prompt', '確認に N を入力済みです'),
  },
  // The previous internal transport certificate (the prompt's current one) is still valid: it can
  // take the role back instead of a new certificate being made.
  previousInternalValid: {
    test: (s) => (s.cert ? isValid(s.cert) : undefined),
    unknown: 'branch',
    shownBy: ['show-previous-internal'],
    ifTrue: w(
      'If the previous internal transport certificate shows a NotAfter still to come',
      '元の内部トランスポート証明書の NotAfter がまだ先の日付の場合',
    ),
    ifFalse: w(
      'If the previous internal transport certificate has expired',
      '元の内部トランスポート証明書の期限が切れている場合',
    ),
  },
};
