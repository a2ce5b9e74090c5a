import { recognizeCertutil } from './certutil.js';
import type { Recognizer } from './evidence.js';
import { recognizeExchangeList } from './exchange-list.js';
import { recognizeExchangeTable } from './exchange-table.js';
import { recognizeOpensslText } from './openssl-text.js';
import { recognizePem } from './pem.js';
import { recognizeThumbprints } from './thumbprints.js';

/** The recognisers of certificates and certificate listings, for diagnose to run alongside the event ones. */
export const certificateRecognizers: readonly Recognizer[] = [
  recognizePem,
  recognizeExchangeList,
  recognizeExchangeTable,
  recognizeCertutil,
  recognizeOpensslText,
  recognizeThumbprints,
];
