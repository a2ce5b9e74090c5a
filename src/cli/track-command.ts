import { existsSync } from 'node:fs';
import { daysLeft } from '../core/countdown.js';
import { diagnose } from '../core/diagnose.js';
import { localCountdown } from '../core/i18n/local-time.js';
import { trackingText } from '../core/i18n/tracking-text.js';
import { nothingTrackedText, trackedLabel, whyNothingTracked } from '../core/tracking.js';
import { trackDiagnosis } from '../tracking/track-certificates.js';
import type { CliCommand } from './commands.js';
import { parseCommandArgs, readPaste, UsageError } from './io.js';
import { terminalSafe, terminalSafeJson } from './terminal-safe.js';
import { chooseTimeZone, timeZoneOption } from './time-zone.js';
import { withTrackingStore } from './tracking-store.js';

export const trackCommand: CliCommand = {
  summary:
    'Track every certificate in a paste (PEM, Get-ExchangeCertificate | fl, 12017/12018 events) for reminders, or an endpoint (smtp://HOST, HOST:PORT) whose certificate every reminder run looks at.',
  usage:
    'certcheck track [FILE | - | smtp://HOST[:PORT] | imaps://HOST | https://HOST:PORT | HOST:PORT …] [--channel C] [--owner U] [--include-wmsvc] [--json] [--tz ZONE]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      channel: { type: 'string' },
      owner: { type: 'string' },
      'include-wmsvc': { type: 'boolean' },
      json: { type: 'boolean' },
      ...timeZoneOption,
    });
    const timeZone = chooseTimeZone(values.tz, io);
    // An endpoint (smtp://HOST, imaps://HOST, HOST:PORT) is looked at and tracked; a FILE that exists is a paste.
    if (positionals.length > 0 && !positionals.some((p) => existsSync(p))) {
      const endpointCommands = await import('./endpoint-commands.js');
      const endpoints = endpointCommands.endpointsToTrack(positionals);
      if (endpoints) {
        return endpointCommands.trackEndpointsCli(
          endpoints,
          {
            json: values.json === true,
            ...(values.channel !== undefined && { channel: values.channel }),
            ...(values.owner !== undefined && { owner: values.owner }),
          },
          io,
        );
      }
    }
    if (positionals.length > 1) throw new UsageError('give one FILE (or - for standard input)');
    const text = await readPaste(positionals[0], io, 'track');
    if (text === undefined) return 1;
    return withTrackingStore(io, 'track', async (store, config) => {
      const now = io.now();
      const lang = config.defaultLanguage;
      const t = trackingText[lang].track;
      const diagnosis = diagnose(text, { now, defaultLanguage: lang });
      // The key itself is never stored (tracking keeps certificate facts only), but whoever pasted
      // it must hear that it is exposed, even when the certificates were tracked fine.
      const keyWarning = diagnosis.findings.find((f) => f.code === 'PRIVATE_KEY_IN_INPUT');
      if (keyWarning) io.stderr(`certcheck track: ${keyWarning.message}\n`);
      const channel = values.channel ?? config.reminders.defaultChannel;
      const outcome = await trackDiagnosis(store, diagnosis, {
        addedBy: 'cli',
        now,
        includeWmsvc: values['include-wmsvc'] === true,
        ...(values.channel !== undefined && { channel: values.channel }),
        ...(values.owner !== undefined && { owner: values.owner }),
      });
      if (outcome.tracked.length === 0) {
        io.stderr(
          `certcheck track: ${terminalSafe(nothingTrackedText(whyNothingTracked(diagnosis, outcome.skipped), t))}\n`,
        );
        return 1;
      }
      if (values.json) {
        const tracked = outcome.tracked.map(({ certificate: c, created }) => ({
          thumbprint: c.thumbprint,
          subject: trackedLabel(c, lang),
          notAfter: c.notAfter,
          daysLeft: daysLeft(c.notAfter, now),
          estimated: c.estimated,
          channel: c.channel ?? config.reminders.defaultChannel ?? null,
          owner: c.owner ?? null,
          created,
        }));
        io.stdout(
          `${terminalSafeJson({ tracked, skipped: outcome.skipped, privateKeyIgnored: keyWarning !== undefined })}\n`,
        );
        return 0;
      }
      const lines = [t.tracked(outcome.tracked.length)];
      for (const { certificate: c, created } of outcome.tracked) {
        const estimated = c.estimated ? ` (${trackingText[lang].digest.estimated})` : '';
        lines.push(
          `  ${(created ? t.added : t.updated).padEnd(8)}${c.thumbprint}  ${trackedLabel(c, lang)} — ${localCountdown(c.notAfter, now, lang, timeZone)}${estimated}`,
        );
      }
      for (const skip of outcome.skipped) {
        if (skip.reason === 'wmsvc') lines.push(`  ${t.skippedWmsvc}`);
        else if (skip.reason === 'no-thumbprint') lines.push(`  ${t.skippedNoThumbprint(skip.subject)}`);
        else lines.push(`  ${t.skippedNoExpiry(skip.subject)}`);
      }
      lines.push(channel ? t.remindIn(channel) : t.noChannel);
      io.stdout(`${terminalSafe(lines.join('\n'))}\n`);
      return 0;
    });
  },
};
