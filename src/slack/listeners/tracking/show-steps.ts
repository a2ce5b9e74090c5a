import { planForCertificate } from '../../../core/certificate-plan.js';
import { certificateStepsMessage } from '../../blocks/certificate-steps-message.js';
import { decodeCertificateAction } from '../../blocks/tracking-actions.js';
import type { ButtonArgs, ListenerDeps } from '../../deps.js';
import { replyToButton, trackedForButton } from './button-reply.js';

/**
 * **Show steps**: what certcheck knows of the certificate and its renewal plan, from the same plans
 * as a diagnosis (a CSR for a CA certificate, Set-AuthConfig for the Auth certificate, an in-place
 * renewal for a self-signed one). Ephemeral where the button was; a DM from Home.
 */
export function createShowSteps(deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    await args.ack();
    const value = decodeCertificateAction(args.action.value);
    if (!value) return;
    const cert = await trackedForButton(deps, args, value.t);
    if (!cert) return;
    const now = deps.now();
    // The answer is the clicker's alone: in their language, whatever the digest's.
    const lang = await deps.language.forUser(args.client, args.body.user.id);
    const plan = planForCertificate(cert, {
      now,
      lang,
      ...(deps.warnDays !== undefined && { warnDays: deps.warnDays }),
    });
    const message = certificateStepsMessage(cert, plan, { now, lang, timeZone: deps.tracking.timeZone });
    await replyToButton(args, message);
  };
}
