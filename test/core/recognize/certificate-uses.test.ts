import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { normalizePaste } from '../../../src/core/normalize.js';
import { recognize } from '../../../src/core/recognize/index.js';

/** A realistic paste kept with these tests (test/fixtures/recognize). */
function recognizeFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/recognize/${name}`, import.meta.url), 'utf8');
}

const TP1 = '60B00ED5AEC9409BA8D07AEF47A71A91ECB9694D';
const TP2 = '70B00ED5AEC9409BA8D07AEF47A71A91ECB9694D';
const AUTH = '43FDD40DFB5CFF50E9F1EC67D95A65E695C54EA9';
const NEXT = '53FDD40DFB5CFF50E9F1EC67D95A65E695C54EA9';

interface Row {
  name: string;
  paste: string;
  want: [string, string, string | undefined][];
}

const ROWS: Row[] = [
  {
    name: 'Get-TransportService | fl on two servers',
    paste: `[PS] C:\\Windows\\system32>Get-TransportService | fl Name,InternalTransportCertificateThumbprint

Name                                   : EX19-01
InternalTransportCertificateThumbprint : ${TP1}

Name                                   : EX19-02
InternalTransportCertificateThumbprint : ${TP2.toLowerCase()}
`,
    want: [
      [TP1, 'internalTransport', 'EX19-01'],
      [TP2, 'internalTransport', 'EX19-02'],
    ],
  },
  {
    name: 'Get-TransportServer on Exchange 2010, the server named in the command, CRLF',
    paste: `[PS] C:\\Windows\\system32>Get-TransportServer HUB2010 | fl InternalTransportCertificateThumbprint\r\n\r\nInternalTransportCertificateThumbprint : ${TP1}\r\n`,
    want: [[TP1, 'internalTransport', 'HUB2010']],
  },
  {
    name: 'the bare value of the property',
    paste: `[PS] C:\\Windows\\system32>(Get-TransportService EX19-01).InternalTransportCertificateThumbprint\n${TP1}\n`,
    want: [[TP1, 'internalTransport', 'EX19-01']],
  },
  {
    name: 'Get-AuthConfig | fl: current and next',
    paste: `[PS] C:\\Windows\\system32>Get-AuthConfig | fl *Thumbprint*,NextCertificateEffectiveDate

CurrentCertificateThumbprint  : ${AUTH}
PreviousCertificateThumbprint :
NextCertificateThumbprint     : ${NEXT}
NextCertificateEffectiveDate  : 12/30/2026 12:00:00 AM
`,
    want: [
      [AUTH, 'authCurrent', undefined],
      [NEXT, 'authNext', undefined],
    ],
  },
  {
    name: 'a listing piped from (Get-AuthConfig).CurrentCertificateThumbprint is the current Auth certificate',
    paste: recognizeFixture('t10-e2019-auth-expired-authconfig-fl.txt'),
    want: [['4A8511AF58B1FED9B5199BC8381ED00D17DB16DD', 'authCurrent', undefined]],
  },
  {
    name: 'no use from a thumbprint the paste does not tie to one',
    paste: `Get-ExchangeCertificate | fl Thumbprint\n\nThumbprint : ${TP1}\n\nCurrentCertificateThumbprint was empty`,
    want: [],
  },
];

describe('known certificate uses', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const uses = recognize(normalizePaste(row.paste)).certificateUses ?? [];
      assert.deepEqual(
        uses.map((u) => [u.thumbprint, u.use, u.server]),
        row.want,
      );
    });
  }
});
