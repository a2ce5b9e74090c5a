import { CONDITIONS } from '../facts/conditions.js';
import type { PlanEntry } from './library-model.js';

/**
 * Steps a plan can never reach: a branch that asks again a condition already decided on its way
 * (a fragment used under `caIssued` that asks `caIssued` itself) keeps one outcome reachable and
 * puts the other under a contradiction ("IsSelfSigned is False, and IsSelfSigned is True"). A step
 * there is never shown, or shown under a title no server can satisfy: the table is refused at load.
 * Version conditions only choose a command form and answer the same wherever they are asked.
 */
export function contradictions(
  where: string,
  entries: readonly PlanEntry[],
  fragments: ReadonlyMap<string, readonly PlanEntry[]>,
): string[] {
  const found: string[] = [];
  walk(entries, new Map(), [], 0);
  return found;

  function walk(list: readonly PlanEntry[], path: ReadonlyMap<string, boolean>, via: string[], depth: number): void {
    if (depth > 32) {
      found.push(`${where}: fragments nest too deep (${via.join(' → ')})`);
      return;
    }
    for (const entry of list) {
      if (typeof entry === 'string') continue;
      if ('use' in entry) {
        walk(fragments.get(entry.use) ?? [], path, [...via, entry.use], depth + 1);
        continue;
      }
      // Each other server is decided from its own facts: nothing on the way there holds for it.
      if ('each' in entry) {
        walk(entry.do, new Map(), [...via, `each ${entry.each}`], depth + 1);
        continue;
      }
      const taken = CONDITIONS[entry.if]?.version ? undefined : path.get(entry.if);
      for (const outcome of [true, false]) {
        const branch = (outcome ? entry.yes : entry.no) ?? [];
        if (taken !== undefined && taken !== outcome) {
          if (branch.length > 0)
            found.push(
              `${where}: contradictory conditions: ${describe(branch)} need ${entry.if} ${outcome} under ${entry.if} ${taken}${via.length ? ` (via ${via.join(' → ')})` : ''}`,
            );
          continue;
        }
        walk(branch, new Map([...path, [entry.if, outcome]]), via, depth + 1);
      }
    }
  }
}

function describe(entries: readonly PlanEntry[]): string {
  return entries
    .map((entry) =>
      typeof entry === 'string'
        ? entry
        : 'use' in entry
          ? entry.use
          : 'each' in entry
            ? `each ${entry.each}`
            : `if ${entry.if}`,
    )
    .join(', ');
}
