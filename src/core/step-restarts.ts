import { tidyJapanese } from './i18n/ja-spacing.js';
import { STEP_LIBRARY } from './knowledge/step-library.js';
import type { ExchangeVersion, Language, Step } from './model.js';
import { withVersionNote } from './step-wording.js';

type TransportService = 'MSExchangeFrontEndTransport' | 'MSExchangeTransport';

/**
 * The transport services a step's connector change is read by. A Frontend receive connector (Default
 * Frontend, Client Frontend, Outbound Proxy Frontend: Exchange 2013 and later) belongs to the Front End
 * Transport service; send connectors and the other receive connectors to the Transport service.
 */
function readBy(command: string): TransportService[] {
  const services = new Set<TransportService>();
  if (/\bSet-SendConnector\b/i.test(command)) services.add('MSExchangeTransport');
  if (/\bSet-ReceiveConnector\b/i.test(command)) {
    const named = /Set-ReceiveConnector\s+(['"])(.*?)\1/i.exec(command)?.[2];
    if (named === undefined) {
      // Piped from a filter: the connectors it picks are only known when it runs.
      services.add('MSExchangeTransport');
      if (/Frontend/i.test(command)) services.add('MSExchangeFrontEndTransport');
    } else services.add(/Frontend/i.test(named) ? 'MSExchangeFrontEndTransport' : 'MSExchangeTransport');
  }
  return [...services];
}

/** The services a step restarts, as it writes them. */
function restarted(command: string): string[] {
  const out: string[] = [];
  for (const m of command.matchAll(/\bRestart-Service\s+([^\n;|]+)/gi))
    for (const name of (m[1] ?? '').split(/[\s,]+/)) if (name) out.push(name);
  return out;
}

/** The "If …" a step runs under, as its title shows it, kept when the step is worded again. */
function branchOf(step: Step, language: Language): string {
  if (!step.server) return '';
  const at = step.title.indexOf(language === 'ja' ? `${step.server} で` : `On ${step.server}:`);
  return at > 0 ? step.title.slice(0, at) : '';
}

/**
 * A restart follows what the plan changed on that server before it: a Frontend receive connector
 * set there is read by the Front End Transport service, a send connector by the Transport service, so
 * a restart of only one of them would leave the other change unread until the next restart. Each
 * server counts its own changes (all of them before the restart: restarts under two outcomes of one
 * question each follow them); an Edge has no Front End Transport service.
 */
export function restartsFollowChanges(steps: readonly Step[], language: Language, version: ExchangeVersion): Step[] {
  const template = STEP_LIBRARY.get('restart-for-connectors');
  const pending = new Map<string, Set<TransportService>>();
  return steps.map((step) => {
    const server = step.server;
    const command = step.command ?? '';
    if (!server || !command) return step;
    const wanted = pending.get(server) ?? new Set<TransportService>();
    for (const service of readBy(command)) wanted.add(service);
    pending.set(server, wanted);
    const done = restarted(command);
    const lower = new Set(done.map((s) => s.toLowerCase()));
    if (!lower.has('msexchangetransport') && !lower.has('msexchangefrontendtransport')) return step;
    if (step.role === 'edge') wanted.delete('MSExchangeFrontEndTransport');
    const missing = [...wanted].filter((s) => !lower.has(s.toLowerCase()));
    if (missing.length === 0 || !template) return step;
    // With the release unknown the title says what 2007/2010 (no Front End Transport service) do instead.
    const title = withVersionNote(template, version, language).replace('{server}', server);
    const worded = `${branchOf(step, language)}${title}`;
    return {
      ...step,
      id: template.id,
      title: language === 'ja' ? tidyJapanese(worded) : worded,
      // The service the plan restarted first stays first; the one its changes also need follows.
      command: `Restart-Service ${[...done, ...missing].join(', ')}`,
      why: template.why[language],
    };
  });
}
