import { readFileSync } from 'node:fs';
import type { CommandUse } from '../../helpers/powershell-grammar.js';

/**
 * The judge's own knowledge of which cmdlets, parameters, -Services values and service names exist on
 * which Exchange release and Windows version (test/fixtures/exchange-cmdlets/cmdlets.json, each entry
 * with its source). Deliberately not the product's catalogue: a judge must not trust what it judges.
 */

export type Release = '2007' | '2010' | '2013' | '2016' | '2019' | 'SE';
export const RELEASES: readonly Release[] = ['2007', '2010', '2013', '2016', '2019', 'SE'];

interface CmdletJson {
  releases: string;
  source: string;
  parameters: Record<string, string>;
}
interface WindowsCmdletJson {
  source: string;
  parameters: string[];
  notOn?: string[];
}
interface DataJson {
  commonParameters: string[];
  cmdlets: Record<string, CmdletJson>;
  windowsCmdlets: Record<string, WindowsCmdletJson>;
  aliases: Record<string, string>;
  programs: Record<string, { source: string; notOn?: string[] }>;
  services: { values: Record<string, string> };
  windowsServices: { names: Record<string, string>; displayNames: Record<string, string> };
  operatingSystems: { oldest: Record<Release, string> };
}

const data = JSON.parse(
  readFileSync(new URL('../../fixtures/exchange-cmdlets/cmdlets.json', import.meta.url), 'utf8'),
) as DataJson;

const ranges = new Map<string, Release[]>();

/** 'all', '2010+', '-2010' or a comma list, as the releases it names. */
export function releaseRange(range: string): Release[] {
  let releases = ranges.get(range);
  if (!releases) {
    releases = parseRange(range);
    ranges.set(range, releases);
  }
  return releases;
}

function parseRange(range: string): Release[] {
  if (range === 'all') return [...RELEASES];
  if (range.endsWith('+')) return RELEASES.slice(RELEASES.indexOf(range.slice(0, -1) as Release));
  if (range.startsWith('-')) return RELEASES.slice(0, RELEASES.indexOf(range.slice(1) as Release) + 1);
  return range.split(',').map((r) => r.trim() as Release);
}

const lower = (s: string) => s.toLowerCase();
const cmdlets = new Map(Object.entries(data.cmdlets).map(([name, entry]) => [lower(name), { name, ...entry }]));
const windows = new Map(Object.entries(data.windowsCmdlets).map(([name, entry]) => [lower(name), { name, ...entry }]));
const aliases = new Map(Object.entries(data.aliases).map(([alias, target]) => [lower(alias), target]));
const programs = new Map(Object.entries(data.programs).map(([name, entry]) => [lower(name), entry]));
const common = new Set(data.commonParameters.map(lower));

/** The oldest Windows Server a release installs on: a command must work there too. */
export function oldestWindows(release: Release): string {
  return data.operatingSystems.oldest[release];
}

/** What is wrong with one cmdlet call on one release (and the oldest Windows that release runs on). */
export function useProblems(use: CommandUse, release: Release): string[] {
  const os = oldestWindows(release);
  const name = aliases.get(lower(use.name)) ?? use.name;
  const problems: string[] = [];
  const exchange = cmdlets.get(lower(name));
  if (exchange) {
    if (!releaseRange(exchange.releases).includes(release))
      problems.push(`${exchange.name} does not exist on Exchange ${release}`);
    for (const parameter of use.parameters) {
      if (common.has(lower(parameter.name))) continue;
      const key = Object.keys(exchange.parameters).find((p) => lower(p) === lower(parameter.name));
      if (!key) problems.push(`${exchange.name} -${parameter.name} is not a parameter the judge knows`);
      else if (!releaseRange(exchange.parameters[key] as string).includes(release))
        problems.push(`${exchange.name} -${key} does not exist on Exchange ${release}`);
      if (key === 'Services' && parameter.value !== undefined)
        problems.push(...serviceProblems(parameter.value, release));
    }
    return problems;
  }
  const win = windows.get(lower(name));
  if (win) {
    if (win.notOn?.includes(os))
      problems.push(`${win.name} does not exist on Windows Server ${os}, where Exchange ${release} may run`);
    for (const parameter of use.parameters) {
      if (common.has(lower(parameter.name))) continue;
      if (!win.parameters.some((p) => lower(p) === lower(parameter.name)))
        problems.push(`${win.name} -${parameter.name} is not a parameter the judge knows`);
    }
    if (lower(win.name) === 'restart-service') problems.push(...restartProblems(use, release));
    return problems;
  }
  const program = programs.get(lower(name));
  if (program) {
    if (program.notOn?.includes(os))
      problems.push(`${name} does not exist on Windows Server ${os}, where Exchange ${release} may run`);
    return problems;
  }
  return [`${use.name} is not a cmdlet or program the judge knows`];
}

function serviceProblems(value: string, release: Release): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('$'))
    .flatMap((service) => {
      const range = Object.entries(data.services.values).find(([v]) => lower(v) === lower(service))?.[1];
      if (!range) return [`-Services ${service} is not an Exchange service`];
      return releaseRange(range).includes(release)
        ? []
        : [`-Services ${service} does not exist on Exchange ${release}`];
    });
}

function restartProblems(use: CommandUse, release: Release): string[] {
  const byName = [
    ...use.positional,
    ...use.parameters.filter((p) => lower(p.name) === 'name').map((p) => p.value ?? ''),
  ].flatMap((v) => v.split(','));
  const byDisplay = use.parameters.filter((p) => lower(p.name) === 'displayname').map((p) => p.value ?? '');
  const problems: string[] = [];
  for (const service of byName.map((s) => s.trim()).filter(Boolean)) {
    const range = Object.entries(data.windowsServices.names).find(([n]) => lower(n) === lower(service))?.[1];
    if (!range) problems.push(`service ${service} is not one the judge knows`);
    else if (!releaseRange(range).includes(release))
      problems.push(`service ${service} does not exist on Exchange ${release}`);
  }
  for (const display of byDisplay.map((s) => s.trim()).filter(Boolean)) {
    const range = Object.entries(data.windowsServices.displayNames).find(([n]) => lower(n) === lower(display))?.[1];
    if (!range) problems.push(`service "${display}" is not one the judge knows`);
    else if (!releaseRange(range).includes(release))
      problems.push(`service "${display}" does not exist on Exchange ${release}`);
  }
  return problems;
}

/** The Windows service names a command restarts (by name or display name), lower case. */
export function restartedServices(uses: readonly CommandUse[]): string[] {
  return uses
    .filter((u) => lower(u.name) === 'restart-service')
    .flatMap((u) => [...u.positional, ...u.parameters.map((p) => p.value ?? '')])
    .flatMap((v) => v.split(','))
    .map((s) => lower(s.trim()))
    .filter(Boolean);
}
