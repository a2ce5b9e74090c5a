import { trackingText } from '../../../core/i18n/tracking-text.js';
import { codeBlock, context, section, type SlackBlock } from '../../blocks/kit.js';
import { describeTracked } from '../../blocks/tracked-blocks.js';
import { displayName } from '../../blocks/certificate-line.js';
import { decodeCertificateAction } from '../../blocks/tracking-actions.js';
import type { TrackingListenerDeps } from '../../tracking-deps.js';
import type { ButtonArgs } from '../../deps.js';

/**
 * **Show steps**: what certcheck knows of the certificate and the renewal commands, pre-filled
 * with its thumbprint, domains and services. Ephemeral where the button was; a DM from Home.
 */
export function createShowSteps(deps: TrackingListenerDeps) {
  return async ({ body, action, ack, client, respond }: ButtonArgs) => {
    await ack();
    const value = decodeCertificateAction(action.value);
    if (!value) return;
    const cert = await deps.tracking.store.get(value.t);
    if (!cert) return;
    const t = trackingText[value.l].steps;
    const services = cert.services.filter((s) => s !== 'None');
    const domains = cert.domains.length > 0 ? cert.domains.join(',') : '<server FQDN>';
    const blocks: SlackBlock[] = [
      ...(
        await describeTracked([cert.thumbprint], deps.tracking.store, deps.now(), value.l, deps.tracking.timeZone)
      ).slice(0, 1),
      section(`*${t.title(displayName(cert))}*`),
      context(`1. ${t.renew}`),
      codeBlock(
        `Get-ExchangeCertificate -Thumbprint ${cert.thumbprint} | Format-List\nNew-ExchangeCertificate -DomainName ${domains}`,
      ),
      context(`2. ${t.enable}`),
      codeBlock(
        `Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services ${services.length > 0 ? services.join(',') : '<services>'}`,
      ),
      context(`3. ${t.verify}`),
    ];
    const message = { text: t.title(displayName(cert)), blocks };
    // Home-tab buttons have no response_url: those get a DM instead.
    if (body.container?.type === 'message') {
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    } else {
      await client.chat.postMessage({ channel: body.user.id, ...message });
    }
  };
}
