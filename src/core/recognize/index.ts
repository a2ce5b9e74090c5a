import { recognizeCertutil } from './certutil.js';
import { recognizeEvents } from './events.js';
import { type Evidence, mergeEvidence, type Recognizer } from './evidence.js';
import { recognizeExchangeList } from './exchange-list.js';
import { recognizeExchangeTable } from './exchange-table.js';
import { recognizeOpensslText } from './openssl-text.js';
import { recognizePem } from './pem.js';
import { recognizeSymptoms } from './symptoms.js';
import { recognizeThumbprints } from './thumbprints.js';

/** Every paste format certcheck reads; adding a format is adding a recogniser here. */
const RECOGNIZERS: readonly Recognizer[] = [
  recognizeEvents,
  recognizeSymptoms,
  recognizePem,
  recognizeExchangeList,
  recognizeExchangeTable,
  recognizeCertutil,
  recognizeOpensslText,
  recognizeThumbprints,
];

/** Runs every recogniser over the normalised paste; one that fails costs its part, not the answer. */
export function recognize(text: string): Evidence {
  return mergeEvidence(
    RECOGNIZERS.map((recognizer) => {
      try {
        return recognizer(text);
      } catch {
        return {};
      }
    }),
  );
}
