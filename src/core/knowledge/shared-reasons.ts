import type { StepTemplate } from './plan-model.js';

/** Reasons several plans give for the same step, said once. */

export const REMOVE_OLD_WHY: StepTemplate['why'] = {
  en: 'Exchange may still pick an expired certificate as a last resort; removing it avoids that and the repeated events.',
  ja: '削除しておけば、期限切れの証明書が最後の手段として選ばれることも、イベントが繰り返し記録されることもなくなります。',
};

export const CONNECTOR_PIN_WHY: StepTemplate['why'] = {
  en: 'A connector that names the old certificate by issuer and subject ignores the new one.',
  ja: '発行者とサブジェクトで古い証明書を指定したコネクタは、新しい証明書を無視します。',
};
