import assert from 'node:assert/strict';
import type { EventFacts } from '../../src/core/model.js';

/** Every wanted event is found, in order, with at least the wanted fields. */
export function assertEventsMatch(events: readonly EventFacts[], want: Partial<EventFacts>[]): void {
  assert.deepEqual(
    events.map((event) => event.id),
    want.map((event) => event.id),
    `event IDs: ${JSON.stringify(events)}`,
  );
  want.forEach((fields, index) => {
    const event = events[index]!;
    for (const [key, value] of Object.entries(fields)) {
      assert.deepEqual(event[key as keyof EventFacts], value, `event ${event.id} ${key} in ${JSON.stringify(event)}`);
    }
  });
}
