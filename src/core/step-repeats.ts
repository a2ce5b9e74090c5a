import type { Step } from './model.js';

/**
 * Two plans in one answer often ask for the same action in their own words: a roll-out enables the
 * renewed certificate for IIS,SMTP, then the 12014 plan enables it for SMTP; two plans each end with
 * the same STARTTLS probe. An admin given the same command twice wonders what the second one fixes,
 * so a repeat is shown once.
 */
export interface Given {
  step: Step;
  /** The open questions (name=outcome lines) the step is under; '' when it applies whatever the answers. */
  chain: string;
}

const ENABLE =
  /^Enable-ExchangeCertificate\s+(?:-Server\s+(\S+)\s+)?-Thumbprint\s+([0-9A-F]{40})\s+-Services\s+(\S+)$/i;

function enableOf(command: string | undefined): { where: string; thumbprint: string; services: string[] } | undefined {
  const match = ENABLE.exec(command?.trim() ?? '');
  if (!match) return undefined;
  return {
    where: (match[1] ?? '').toLowerCase(),
    thumbprint: match[2]!.toUpperCase(),
    services: match[3]!.split(',').map((s) => s.toUpperCase()),
  };
}

/** A check that only reads (a probe, a listing): giving it once where it applies changes nothing. */
function readsOnly(step: Step): boolean {
  return /^(?:verify-|show-)/.test(step.id ?? '');
}

/**
 * What to do with `step` given the steps already in the answer: 'skip' when an earlier one already
 * does it (the same certificate enabled here for these services and more; the same check under no
 * more conditions), or the earlier check it makes redundant, to be replaced by this one (the same
 * check, asked under fewer conditions).
 */
export function repeatOf(step: Step, chain: string, given: readonly Given[]): 'skip' | Given | undefined {
  const command = step.command?.trim();
  if (!command) return undefined;
  const where = (step.server ?? '').toLowerCase();
  const enable = enableOf(command);
  if (enable) {
    // The plan already decided when this certificate is enabled here; a second, wider-applying enable
    // would override that decision (and enable a self-signed copy the plan says to leave alone).
    const covered = given.some((g) => {
      const earlier = enableOf(g.step.command);
      return (
        earlier !== undefined &&
        (g.step.server ?? '').toLowerCase() === where &&
        earlier.where === enable.where &&
        earlier.thumbprint === enable.thumbprint &&
        enable.services.every((s) => earlier.services.includes(s))
      );
    });
    return covered ? 'skip' : undefined;
  }
  if (!readsOnly(step) || command.includes('<')) return undefined;
  const same = given.filter(
    (g) => readsOnly(g.step) && g.step.command?.trim() === command && (g.step.server ?? '').toLowerCase() === where,
  );
  if (same.some((g) => chain.startsWith(g.chain))) return 'skip';
  return same.find((g) => g.chain.startsWith(chain));
}
