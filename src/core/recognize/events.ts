import { DateTime } from 'luxon';
import { type CatalogueEntry, findCatalogueEntry, findEventSource } from '../knowledge/event-catalogue.js';
import type { EventFacts } from '../model.js';
import { withoutDagDenials } from './dag-mentions.js';
import { recoverDamagedFields } from './event-damage.js';
import { readFriendlyView } from './event-friendly-view.js';
import { readInsertionStrings } from './event-insertion-strings.js';
import { readLabelledEvents } from './event-layouts.js';
import { findIdMentions } from './event-mentions.js';
import { applyEmptyFields, applyFields, dataFields, findMessageMatches, type MessageMatch } from './event-messages.js';
import { readEventTables } from './event-tables.js';
import { type EventDraft, normalizeEventText, type Range, rangeLookup } from './event-values.js';
import { readXmlEvents } from './event-xml.js';
import type { Evidence, Recognizer, RoleEvidence, VersionHint } from './evidence.js';
import { LIMITS, restSkipped } from './limits.js';

/**
 * Windows/Exchange events in every way admins paste them: Event Viewer text (2003, 2008+,
 * English and Japanese labels), the XML view, PowerShell tables and lists, the bare message, or
 * just the ID. Layouts are read first; message templates then fill their fields; IDs mentioned
 * elsewhere come last and only when no fuller event has that ID.
 */
export const recognizeEvents: Recognizer = (raw, shared) => {
  const text = normalizeEventText(raw);
  // The paste's own lines, unless the event normalisation changed the text.
  const lines = text === raw ? shared?.lines?.() : undefined;
  const xml = readXmlEvents(text);
  const tables = readEventTables(text, lines);
  const friendly = readFriendlyView(text, lines);
  const isLaidOut = rangeLookup([...xml.consumed, ...tables.consumed, ...friendly.consumed]);
  const labelled = readLabelledEvents(text, isLaidOut, lines);
  const drafts = mergeXmlCopies(text, [...xml.drafts, ...tables.drafts, ...friendly.drafts, ...labelled.drafts]);
  const matches = findMessageMatches(text);
  drafts.push(...claimMessages(text, drafts, matches));

  const taken = new Set(drafts.map((draft) => draft.facts.id));
  const isExcluded = rangeLookup([
    ...xml.consumed,
    ...tables.consumed,
    ...friendly.consumed,
    ...labelled.headers,
    ...matches.map((match): Range => [match.start, match.end]),
  ]);
  for (const mention of findIdMentions(text, isExcluded)) {
    if (taken.has(mention.id)) continue;
    taken.add(mention.id);
    const facts: EventFacts = { id: mention.id, format: 'id-only' };
    if (mention.source) facts.source = mention.source;
    drafts.push({ facts, start: mention.start, end: mention.start, japanese: mention.japanese });
  }
  drafts.sort((a, b) => a.start - b.start);
  const more = drafts.length > LIMITS.events;
  if (more) drafts.splice(LIMITS.events);

  readInsertionStrings(text, drafts);
  const damaged = recoverDamagedFields(text, drafts);
  const events = drafts.map(finish);
  const evidence: Partial<Evidence> = { events };
  const notes = [...damaged, ...(more ? [restSkipped('events', LIMITS.events)] : [])];
  if (notes.length > 0) evidence.notes = notes;
  if (drafts.some((draft) => draft.japanese)) evidence.japanese = true;
  const hints = versionHints(text, drafts);
  if (hints.length > 0) evidence.versionHints = hints;
  const found = roles(text, events);
  if (found.roles.length > 0) evidence.roles = found.roles;
  if (found.evidence.length > 0) evidence.roleEvidence = found.evidence;
  return evidence;
};

/** Event Viewer's copy-as-text ends with "Event Xml:" and the same event again as XML. */
function mergeXmlCopies(text: string, drafts: EventDraft[]): EventDraft[] {
  drafts.sort((a, b) => a.start - b.start);
  const merged: EventDraft[] = [];
  for (const draft of drafts) {
    const previous = merged[merged.length - 1];
    const isCopy =
      previous &&
      draft.facts.format === 'xml' &&
      previous.facts.format !== 'xml' &&
      previous.facts.id === draft.facts.id &&
      draft.start - previous.end < 200 &&
      text.slice(previous.end, draft.start).trim() === '';
    if (!isCopy) {
      merged.push(draft);
      continue;
    }
    previous.facts = { ...draft.facts, ...previous.facts };
    previous.data = draft.data;
    previous.end = draft.end;
  }
  return merged;
}

/**
 * Gives each laid-out event the message inside it: its own template, or, for an event whose text
 * certcheck does not know (12023), the first one there, so that it still gets 12013's thumbprint.
 * The other messages become message-only events.
 */
function claimMessages(text: string, drafts: EventDraft[], matches: MessageMatch[]): EventDraft[] {
  const bodies = drafts.filter((draft) => draft.body).sort((a, b) => a.body![0] - b.body![0]);
  const inside = new Map<EventDraft, MessageMatch[]>();
  const loose: MessageMatch[] = [];
  for (const match of matches) {
    const owner = ownerOf(bodies, match.start);
    if (owner) inside.set(owner, [...(inside.get(owner) ?? []), match]);
    else loose.push(match);
  }
  for (const [draft, found] of inside) {
    const entry = findCatalogueEntry(draft.facts.id, draft.facts.source);
    const own =
      found.find((match) => match.entry.id === draft.facts.id) ?? (entry?.messages.length ? undefined : found[0]);
    if (own) {
      applyMessage(draft, own);
      if (draft.facts.format === 'id-only') draft.facts.format = 'message';
    }
    const isOwn = (match: MessageMatch) =>
      own !== undefined && (match.entry.id === draft.facts.id || (match.start === own.start && match.end === own.end));
    loose.push(...found.filter((match) => !isOwn(match)));
  }
  claimPrecedingMessages(text, drafts, loose);
  return loose
    .filter((match) => match.standalone)
    .map((match) => {
      const draft: EventDraft = {
        facts: { id: match.entry.id, format: 'message' },
        start: match.start,
        end: match.end,
        japanese: match.lang === 'ja',
      };
      applyMessage(draft, match);
      return draft;
    });
}

/**
 * Event Viewer's General tab puts the description above its grid of labels, so a copy of it is the
 * message and then "Log Name: …" without a Description: label. The message just above a laid-out
 * event with no body of its own and the same ID is that event's, not a second event.
 */
function claimPrecedingMessages(text: string, drafts: EventDraft[], loose: MessageMatch[]): void {
  for (const draft of drafts) {
    if (draft.body || draft.facts.format === 'xml') continue;
    const index = loose.findIndex(
      (match) =>
        match.entry.id === draft.facts.id &&
        match.end <= draft.start &&
        draft.start - match.end < 400 &&
        !/\S/.test(text.slice(match.end, draft.start).replace(/^[^\n]*/, '')),
    );
    if (index < 0) continue;
    const match = loose[index]!;
    loose.splice(index, 1);
    applyMessage(draft, match);
    draft.body = [match.start, match.end];
    draft.start = Math.min(draft.start, match.start);
  }
}

function ownerOf(bodies: EventDraft[], offset: number): EventDraft | undefined {
  let low = 0;
  let high = bodies.length - 1;
  let found: EventDraft | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const draft = bodies[mid]!;
    if (draft.body![0] <= offset) {
      found = draft;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found && offset < found.body![1] ? found : undefined;
}

function applyMessage(draft: EventDraft, match: MessageMatch): void {
  draft.japanese ||= match.lang === 'ja';
  const entry = findCatalogueEntry(draft.facts.id, draft.facts.source) ?? match.entry;
  applyFields(draft.facts, match.captures, entry);
  applyEmptyFields(draft.facts, match.empty);
}

function finish(draft: EventDraft): EventFacts {
  const facts = draft.facts;
  const source = facts.source ? findEventSource(facts.source) : undefined;
  if (source) facts.source = source.name;
  const entry: CatalogueEntry | undefined = findCatalogueEntry(facts.id, facts.source);
  if (draft.data) {
    applyFields(facts, dataFields(draft.data, entry), entry);
    applyEmptyFields(facts, emptyData(draft.data, entry));
  }
  facts.known = entry !== undefined;
  if (facts.loggedAt && facts.hoursRemaining !== undefined) {
    const estimated = plainHoursLater(facts.loggedAt, facts.hoursRemaining);
    if (estimated !== undefined) facts.estimatedNotAfter = estimated;
    else {
      const later = DateTime.fromISO(facts.loggedAt, { zone: 'utc' }).plus({ hours: facts.hoursRemaining });
      if (later.isValid) facts.estimatedNotAfter = later.toISO({ suppressMilliseconds: true }) ?? undefined;
    }
  }
  return facts;
}

/**
 * Whole hours after a logged time as the event readers write it (`2026-11-28T06:00:03Z`), as Luxon
 * would give it, without building a DateTime per event; undefined for anything else, which Luxon reads.
 */
function plainHoursLater(loggedAt: string, hours: number): string | undefined {
  if (!Number.isInteger(hours) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(loggedAt)) return undefined;
  const logged = Date.parse(loggedAt);
  // Date.parse rolls 31 April over to 1 May where Luxon refuses it: only a date that reads back unchanged.
  if (Number.isNaN(logged) || new Date(logged).toISOString() !== loggedAt.replace('Z', '.000Z')) return undefined;
  const at = logged + hours * 3_600_000;
  const iso = Math.abs(at) <= 8.64e15 ? new Date(at).toISOString() : '';
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/.test(iso) && iso.slice(0, 4) >= '1000'
    ? iso.replace('.000Z', 'Z')
    : undefined;
}

/** `<Data />` in the XML view, a line of spaces in Friendly View: a parameter the event left empty. */
function emptyData(data: readonly string[], entry: CatalogueEntry | undefined): MessageMatch['empty'] {
  const empty: NonNullable<MessageMatch['empty']> = [];
  entry?.data?.forEach((name, index) => {
    const value = data[index];
    const reportable = name === 'domain' || name === 'fqdn' || name === 'connector' || name === 'thumbprint';
    if (reportable && value !== undefined && value.trim() === '') empty.push(name);
  });
  return empty;
}

function versionHints(text: string, drafts: EventDraft[]): VersionHint[] {
  const hints: VersionHint[] = [];
  const add = (hint: VersionHint | undefined) => {
    if (hint && !hints.some((h) => h.version === hint.version && h.reason === hint.reason)) hints.push(hint);
  };
  // The Windows 2003 layout, a source that exists only from 2013 and a pinned `<I>…<S>…` name decide.
  for (const { facts } of drafts) {
    if (facts.format === 'w2003') add({ version: '2007', reason: 'w2003-event-format', strength: 'strong' });
    const sourceHint = facts.source ? findEventSource(facts.source)?.versionHint : undefined;
    if (sourceHint) add({ ...sourceHint, strength: 'strong', quote: facts.source });
    if (facts.tlsCertificateName) add({ version: '2013+', reason: 'tls-certificate-name', strength: 'strong' });
  }
  if (/\\V15\\/i.test(text)) add({ version: '2013+', reason: 'v15-path' });
  if (/\\V14\\/i.test(text)) add({ version: '2010', reason: 'v14-path' });
  return hints;
}

/** The admin naming the Hub Transport server: "Hub is HUB10-01", 「ハブ トランスポート サーバーは HUB01」「ハブは HUB07」. */
const HUB_NAMED =
  /(?:\bHub(?:\s?Transport)?(?:\s+server)?(?:\s+is|\s*:)?\s+|ハブ\s?(?:トランスポート\s?)?(?:サーバー\s?)?(?:は|:|：)\s*|ハブ\s?(?:トランスポート\s?)?サーバー\s+)([A-Z][A-Z0-9]{0,14}(?:-[A-Z0-9]{1,14}){0,3})(?![\w-])/;

/** The admin naming the Hub after its name: "HUB07 is our Hub Transport server", 「HUB07 がハブです」. */
const HUB_AFTER =
  /(?<![\w-])([A-Z][A-Z0-9]{0,14}(?:-[A-Z0-9]{1,14}){0,3})\s+(?:is|=)\s+(?:the|our)\s+Hub(?:\s?Transport)?\b|(?<![\w-])([A-Z][A-Z0-9]{0,14}(?:-[A-Z0-9]{1,14}){0,3})\s*(?:が|は)\s*ハブ\s?(?:トランスポート\s?)?(?:サーバー\s?)?(?:です|で)/g;

const EDGE_WORD = String.raw`(?:Edge|エッジ)(?:\s?Transport|\s?トランスポート)?(?:\s+server|\s?サーバー)?`;
const SERVER_NAME = String.raw`([A-Z][A-Z0-9]{0,14}(?:-[A-Z0-9]{1,14}){0,3})(?![\w-])`;

/**
 * The admin stating which server is the Edge: "Edge in the DMZ (EDGE-AMS01", "the Edge server EDGE01",
 * "our Edge EDGE01", "EDGE01 is our Edge", 「DMZ の Edge サーバー (EDGEJP01」「エッジ サーバーは EDGEJP01」
 * 「EDGEJP01 がエッジです」.
 */
const EDGE_STATED: readonly RegExp[] = [
  new RegExp(
    String.raw`(?<![A-Za-z0-9])${EDGE_WORD}(?:\s+in\s+(?:the|our)\s+DMZ)?(?:\s+is|\s*:|\s?(?:は|:|：))?\s*(?:[(（]\s*)?` +
      SERVER_NAME,
    'g',
  ),
  new RegExp(
    String.raw`(?<![\w-])([A-Z][A-Z0-9]{0,14}(?:-[A-Z0-9]{1,14}){0,3})\s+is\s+(?:the|our)\s+Edge\b|(?<![\w-])([A-Z][A-Z0-9]{0,14}(?:-[A-Z0-9]{1,14}){0,3})\s*(?:が|は)\s*(?:DMZ\s?の\s?)?(?:Edge|エッジ)\s?(?:トランスポート\s?)?(?:サーバー\s?)?(?:です|で)`,
    'g',
  ),
];

/** "our Edge in the DMZ", "the Edge server", 「DMZ のエッジ サーバー」 with no server named. */
const EDGE_IN_DMZ =
  /\b(?:our|the)\s+Edge(?:\s+Transport)?(?:\s+server)?\s+in\s+the\s+DMZ\b|\bEdge(?:\s+server)?\s+in\s+(?:the|our)\s+DMZ\b|DMZ\s?(?:の|にある)\s?(?:Edge|エッジ)/i;

/**
 * Role words only: a server named EDGE01 or HUB07 is one, and "Edge Transport" / "Hub Transport" name
 * a role; MBX01 is not guessed to be anything. "EdgeSync" and "Edge Subscription" do not make this
 * server an Edge (a Hub or Mailbox server of a subscribed site logs them too), and neither does a
 * connector or FQDN with "edge" in it. Free text is not searched for a bare "edge": base64 and
 * browser names are full of it.
 */
function roles(text: string, events: EventFacts[]): { roles: Evidence['roles']; evidence: RoleEvidence[] } {
  const evidence: RoleEvidence[] = [];
  const add = (role: 'edge' | 'hub' | 'mailbox', reason: string, quote: string, server?: string) => {
    if (!evidence.some((e) => e.role === role && e.server === server))
      evidence.push({ role, strength: 'weak', reason, quote, ...(server && { server }) });
  };
  for (const event of events) {
    for (const name of [event.computer, event.subject]) {
      const role = /^edge/i.test(name ?? '') ? 'edge' : /^hub/i.test(name ?? '') ? 'hub' : undefined;
      if (role && name) add(role, 'server-name', name, name);
    }
  }
  // A server whose name says Edge inside it (EXEDGE01, EX-EDGE-02) logged these events on the Edge.
  for (const event of events) {
    const host = event.computer?.split('.')[0];
    if (host && event.computer && /^[A-Za-z0-9]{1,10}-?EDGE/i.test(host))
      add('edge', 'server-name', host, event.computer);
    // EXMBX02, EX16-MBX1, EXSE-MB01: a Mailbox server by its name.
    else if (host && event.computer && /MBX|(?<![A-Za-z])MB\d/i.test(host))
      add('mailbox', 'server-name', host, event.computer);
    // Front End Transport and HTTP.sys (IIS, Exchange Back End on 444) never run on an Edge.
    else if (host && event.computer && /FrontEndTransport|HttpEvent/i.test(event.source ?? ''))
      add('mailbox', 'event-source', event.source ?? '', event.computer);
  }
  // The admin's "EXEDGE01 (Edge)", 「EXEDGE01 (エッジ)」: the role said beside the server's name.
  const edgeNamed =
    /\b([A-Za-z][A-Za-z0-9-]{0,14})\s*[(（]\s*(?:Edge(?:\s+Transport)?(?:\s+server)?|エッジ(?:\s?トランスポート)?(?:\s?サーバー)?)\s*[)）]/i.exec(
      text,
    );
  if (edgeNamed?.[1]) add('edge', 'prose-named', edgeNamed[0], edgeNamed[1]);
  // The admin's "Edge in the DMZ (EDGE-AMS01, …)", "the Edge server EDGE01", "EDGE01 is our Edge",
  // 「DMZ の Edge サーバー (EDGEJP01、…)」「エッジ サーバーは EDGEJP01」: the role is said of that server,
  // and it is a fact, not a guess from a name.
  for (const pattern of EDGE_STATED) {
    for (let m = pattern.exec(text), n = 0; m && n < 5; m = pattern.exec(text), n++) {
      const name = m[1] ?? m[2];
      if (name && /\d/.test(name) && !/^(?:CU|SU|SP|RU|KB)\d/i.test(name) && !evidence.some((e) => e.role === 'edge' && e.server === name))
        evidence.push({ role: 'edge', strength: 'strong', reason: 'prose-stated', quote: m[0], server: name });
    }
  }
  // "our Edge in the DMZ", 「DMZ のエッジ サーバー」 with no name: the role word is the admin's, for the
  // one server the paste is about.
  const edgeInDmz = EDGE_IN_DMZ.exec(text);
  if (edgeInDmz) add('edge', 'prose', edgeInDmz[0]);
  const edgeWords = /\bEdge\s?Transport\b|エッジ\s?トランスポート/i.exec(text);
  if (edgeWords) add('edge', 'prose', edgeWords[0]);
  const hubWords = /\bHub\s?Transport\b|ハブ\s?トランスポート/i.exec(text);
  // Words that name their server ("Hub Transport server HUB07") say nothing of the others.
  // The other way round: "HUB07 is the Hub", "HUB07 is our Hub Transport server", 「HUB07 がハブです」.
  const hubAfter = [...text.matchAll(HUB_AFTER)].slice(0, 5);
  const namesOne =
    hubWords &&
    (/\d/.test(HUB_NAMED.exec(text.slice(hubWords.index, hubWords.index + 80))?.[1] ?? '') ||
      hubAfter.some((m) => m.index <= hubWords.index && hubWords.index < m.index + m[0].length));
  if (hubWords && !namesOne) add('hub', 'prose', hubWords[0]);
  // The admin's "Mailbox EX16-MBX2", "Mailbox server EXSE-MB01", 「メールボックス サーバーは EXSE-MB01」.
  const mailboxNamed =
    /(?:\bMailbox(?:\s+server)?(?:\s+is|\s*:)?|メールボックス\s?サーバー\s?(?:は|:|：)?)\s+([A-Z][A-Z0-9]{0,14}(?:-[A-Z0-9]{1,14}){0,3})(?![\w-])/g;
  for (let m = mailboxNamed.exec(text), n = 0; m && n < 5; m = mailboxNamed.exec(text), n++)
    if (m[1] && /\d/.test(m[1])) add('mailbox', 'prose-named', m[0], m[1]);
  // The admin's "Hub is HUB10-01", "Hub Transport server HUB07", 「ハブ トランスポート サーバーは HUB01」.
  const hubNamed = new RegExp(HUB_NAMED.source, 'g');
  for (let m = hubNamed.exec(text), n = 0; m && n < 5; m = hubNamed.exec(text), n++)
    if (m[1] && /\d/.test(m[1])) add('hub', 'prose-named', m[0], m[1]);
  for (const m of hubAfter) {
    const name = m[1] ?? m[2];
    if (name && /\d/.test(name)) add('hub', 'prose-named', m[0], name);
  }
  // The admin's "2013 CU23 CAS/MBX (EX13-01)", "multi-role", 「マルチロール」, "EX01 (Mailbox)": a Mailbox
  // server (with Client Access), never an Edge.
  const multiRole =
    /\b(?:CAS\s?[/+&]\s?(?:MBX|Mailbox)|(?:MBX|Mailbox)\s?[/+&]\s?CAS|multi-?role)\b(?:\s*[(（]\s*([A-Za-z][A-Za-z0-9-]{0,14})\s*[)）])?|マルチ\s?ロール|\b([A-Za-z][A-Za-z0-9-]{0,14})\s*[(（]\s*(?:Mailbox(?:\s+server)?|メールボックス(?:\s?サーバー)?)\s*[)）]/i.exec(
      text,
    );
  if (multiRole) add('mailbox', 'prose', multiRole[0], multiRole[1] ?? multiRole[2]);
  // Only Mailbox servers are members of a database availability group.
  const dagWords =
    /(?<![A-Za-z0-9+/])DAG(?![A-Za-z0-9+/=])|Database Availability Group|データベース可用性グループ/.exec(
      withoutDagDenials(text),
    );
  if (dagWords) add('mailbox', 'prose', dagWords[0]);
  const found = [...new Set(evidence.map((e) => e.role))] as Evidence['roles'];
  return { roles: found, evidence };
}
