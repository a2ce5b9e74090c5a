import { daysLeft } from '../core/countdown.js';
import { localCountdown } from '../core/i18n/local-time.js';
import { trackingText } from '../core/i18n/tracking-text.js';
import { trackedLabel } from '../core/tracking.js';
import type { CliCommand } from './commands.js';
import { parseCommandArgs, parseNow, UsageError } from './io.js';
import { chooseTimeZone, timeZoneOption } from './time-zone.js';
import { withTrackingStore } from './tracking-store.js';
import { terminalSafe, terminalSafeJson } from './terminal-safe.js';

export const listCommand: CliCommand = {
  summary: 'List tracked certificates, soonest expiry first, with countdowns.',
  usage: 'certcheck list [--json] [--endpoints] [--now ISO-8601] [--tz ZONE]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      now: { type: 'string' },
      endpoints: { type: 'boolean' },
      ...timeZoneOption,
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const now = parseNow(values.now, io);
    const timeZone = chooseTimeZone(values.tz, io);
    return withTrackingStore(io, 'list', async (store, config) => {
      const endpointCommands = await import('./endpoint-listing.js');
      // --endpoints: the tracked endpoints alone (with --json, their array; the certificates' array stays as it is).
      if (values.endpoints) {
        await endpointCommands.listEndpointsCli(store, config, now, io, { json: values.json === true, timeZone });
        return 0;
      }
      const certificates = await store.list();
      const fallback = config.reminders.defaultChannel;
      if (values.json) {
        const rows = certificates.map((c) => ({
          thumbprint: c.thumbprint,
          subject: trackedLabel(c, config.defaultLanguage),
          notAfter: c.notAfter,
          daysLeft: daysLeft(c.notAfter, now),
          channel: c.channel ?? fallback ?? null,
          owner: c.owner ?? null,
          services: c.services,
          domains: c.domains,
          estimated: c.estimated,
        }));
        io.stdout(`${terminalSafeJson(rows)}\n`);
        return 0;
      }
      const t = trackingText[config.defaultLanguage];
      if (certificates.length === 0) {
        io.stdout(`${t.list.empty}\n`);
        await endpointCommands.listEndpointsCli(store, config, now, io, { json: false, timeZone });
        return 0;
      }
      const lines = [t.list.title(certificates.length)];
      for (const c of certificates) {
        const channel = c.channel ?? fallback;
        const where = [
          // Two servers' certificates of one name are told apart by where they are.
          ...(c.servers.length ? [`📍 ${c.servers.slice(0, 5).join(', ')}`] : []),
          channel ? t.list.channel(channel) : t.list.noChannel,
          ...(c.owner ? [t.list.owner(c.owner)] : []),
        ];
        const services = c.services.length > 0 ? ` (${c.services.join(', ')})` : '';
        const estimated = c.estimated ? ` (${t.digest.estimated})` : '';
        lines.push(
          `  ${c.thumbprint}  ${trackedLabel(c, config.defaultLanguage)}${services} — ${localCountdown(c.notAfter, now, config.defaultLanguage, timeZone)}${estimated} · ${where.join(' · ')}`,
        );
      }
      io.stdout(`${terminalSafe(lines.join('\n'))}\n`);
      await endpointCommands.listEndpointsCli(store, config, now, io, { json: false, timeZone });
      return 0;
    });
  },
};
