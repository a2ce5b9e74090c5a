import { planForCertificate } from '../../../core/certificate-plan.js';
import { certificateStepsMessage } from '../../blocks/certificate-steps-message.js';
import { decodeCertificateAction } from '../../blocks/tracking-actions.js';
import type { ButtonArgs } from '../../deps.js';
import type { TrackingListenerDeps } from '../../tracking-deps.js';
import { replyToButton, trackedForButton } from './button-reply.js';

/**
 * **Show steps**: what certcheck knows of the certificate and its renewal plan, from the same plans
 * as a diagnosis (a CSR for a CA certificate, Set-AuthConfig for the Auth certificate, an in-place
 * renewal for a self-signed one). Ephemeral where the button was; a DM from Home.
 */
export function createShowSteps(deps: TrackingListenerDeps) {
  return async (args: ButtonArgs) => {
    await args.ack();
    const value = decodeCertificateAction(args.action.value);
    if (!value) return;
    const cert = await trackedForButton(deps, args, value.t);
    if (!cert) return;
    const now = deps.now();
    const plan = planForCertificate(cert, {
      now,
      lang: value.l,
      ...(deps.warnDays !== undefined && { warnDays: deps.warnDays }),
    });
    const message = certificateStepsMessage(cert, plan, { now, lang: value.l, timeZone: deps.tracking.timeZone });
    await replyToButton(args, message);
  };
}
