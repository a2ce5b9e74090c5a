/**
 * A connector the admin names in prose as pinning a certificate: 'the send connector "To Partners
 * TLS" pins it with TlsCertificateName', 「送信コネクタ「取引先 TLS」が TlsCertificateName で指定しています」.
 * The sentence is kept, so the plan uses it only for the certificate that sentence names.
 */
export interface ConnectorSaid {
  kind: 'send' | 'receive';
  name: string;
  /** The sentence that names it, for matching the certificate's name. */
  sentence: string;
}

const QUOTED = String.raw`["“'‘「『]([^"”'’」』\n]{2,64})["”'’」』]`;
const NAMED: readonly { kind: 'send' | 'receive'; pattern: RegExp }[] = [
  { kind: 'send', pattern: new RegExp(String.raw`\bsend\s+connector\s+${QUOTED}`, 'gi') },
  { kind: 'receive', pattern: new RegExp(String.raw`\breceive\s+connector\s+${QUOTED}`, 'gi') },
  { kind: 'send', pattern: new RegExp(String.raw`${QUOTED}\s+send\s+connector\b`, 'gi') },
  { kind: 'receive', pattern: new RegExp(String.raw`${QUOTED}\s+receive\s+connector\b`, 'gi') },
  { kind: 'send', pattern: new RegExp(String.raw`送信コネクタ\s*${QUOTED}`, 'g') },
  { kind: 'receive', pattern: new RegExp(String.raw`受信コネクタ\s*${QUOTED}`, 'g') },
  { kind: 'send', pattern: new RegExp(String.raw`${QUOTED}\s*(?:という|の)?\s*送信コネクタ`, 'g') },
  { kind: 'receive', pattern: new RegExp(String.raw`${QUOTED}\s*(?:という|の)?\s*受信コネクタ`, 'g') },
];
/** The sentence says the connector names a certificate, not only that it exists. */
const PINS = /TlsCertificateName|\bpin(?:s|ned|ning)?\b|証明書を指定|で指定/i;

/** Sentences end at a full stop followed by a space or the line's end, never inside a host name. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|[。\n]/).filter((s) => s.trim() !== '');
}

export function connectorsSaidToPin(text: string): ConnectorSaid[] {
  const out: ConnectorSaid[] = [];
  // Every sentence that counts says the connector pins: a paste without those words is not split.
  if (!PINS.test(text)) return out;
  for (const sentence of sentences(text)) {
    if (!PINS.test(sentence)) continue;
    for (const { kind, pattern } of NAMED)
      for (const m of sentence.matchAll(pattern)) {
        const name = m[1]?.trim();
        if (name && !out.some((c) => c.name === name)) out.push({ kind, name, sentence });
      }
  }
  return out;
}

/** The connectors the admin says pin the certificate of this name, as a plan value (kind, tab, name per line). */
export function statedPinsFor(said: readonly ConnectorSaid[], names: readonly string[]): string | undefined {
  const wanted = names.map((n) => n.toLowerCase()).filter((n) => n.includes('.'));
  const kept = said.filter((c) => wanted.some((n) => c.sentence.toLowerCase().includes(n)));
  return kept.length > 0 ? kept.map((c) => `${c.kind}\t${c.name}`).join('\n') : undefined;
}
