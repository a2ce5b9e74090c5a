import type { Urgency } from '../../core/countdown.js';
import type { Diagnosis } from '../../core/model.js';

export type SeverityLevel = Diagnosis['severity'];

/** One colour per severity, wherever certcheck shows one: diagnosis, digest, App Home, Show steps. */
export const SEVERITY_EMOJI: Record<SeverityLevel, string> = { critical: '🔴', warning: '🟠', info: '🔵', ok: '🟢' };

/**
 * A countdown band as the diagnosis judges it: expired is critical, within the warning window
 * (30 days) a warning, later fine, so a certificate has the same colour in a reply and a reminder.
 */
const URGENCY_SEVERITY: Record<Urgency, SeverityLevel> = {
  expired: 'critical',
  critical: 'warning',
  soon: 'warning',
  fine: 'ok',
};

export const urgencyEmoji = (urgency: Urgency): string => SEVERITY_EMOJI[URGENCY_SEVERITY[urgency]];
