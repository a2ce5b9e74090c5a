import { trackingText } from '../core/i18n/tracking-text.js';
import { normalizeThumbprint, trackedLabel } from '../core/tracking.js';
import type { CliCommand } from './commands.js';
import { UsageError } from './io.js';
import { withTrackingStore } from './tracking-store.js';
import { terminalSafe } from './terminal-safe.js';

export const untrackCommand: CliCommand = {
  summary: 'Stop tracking a certificate (no more reminders for it).',
  usage: 'certcheck untrack THUMBPRINT | smtp://HOST[:PORT] | HOST:PORT',
  async run(args, io) {
    if (args.length === 0) throw new UsageError('give the THUMBPRINT to untrack');
    // An endpoint (smtp://HOST, HOST:PORT) is no longer looked at; its certificate stays tracked.
    const endpoint = await (await import('./endpoint-commands.js')).untrackEndpointCli(args, io);
    if (endpoint !== undefined) return endpoint;
    const thumbprint = normalizeThumbprint(args.join(''));
    if (!thumbprint) throw new UsageError(`'${args.join(' ')}' is not a thumbprint (40 hexadecimal digits)`);
    return withTrackingStore(io, 'untrack', async (store, config) => {
      const t = trackingText[config.defaultLanguage].untrack;
      const certificate = await store.get(thumbprint);
      if (!certificate || !(await store.untrack(thumbprint, 'cli', io.now().toISOString()))) {
        io.stderr(`certcheck untrack: ${t.notTracked(thumbprint)}\n`);
        return 1;
      }
      io.stdout(`${terminalSafe(t.done(`${trackedLabel(certificate, config.defaultLanguage)} (${thumbprint})`))}\n`);
      return 0;
    });
  },
};
