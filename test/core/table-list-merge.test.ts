import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const CA = '24465460DAD1F1DAA0E42A732682D1158AC9C701';
const SELF = 'E7DEA872E417812DCB7B8A6A4956CAF4C2033135';
const GODADDY =
  'CN=Go Daddy Secure Certificate Authority - G2, OU=http://certs.godaddy.com/repository/, O="GoDaddy.com, Inc.", L=Scottsdale, S=Arizona, C=US';

const table = (services: string, date?: string) => `[PS] C:\\Windows\\system32>Get-ExchangeCertificate

Thumbprint                                Services   ${date ? 'NotAfter             ' : ''}Subject
----------                                --------   ${date ? '--------             ' : ''}-------
${CA}  ${services}     ${date ? `${date}  ` : ''}CN=mail.tailspintoys.com, OU=Domain Control Validated
${SELF}  ${services}     ${date ? `${date}  ` : ''}CN=HUBCAS01
`;

const listCa = (notAfter: string, extra = '') => `[PS] C:\\Windows\\system32>Get-ExchangeCertificate ${CA} | fl NotAfter,IsSelfSigned,Issuer${extra ? ',CertificateDomains,Subject' : ''}

NotAfter     : ${notAfter}
IsSelfSigned : False
Issuer       : ${GODADDY}
${extra}`;

interface Row {
  name: string;
  paste: string;
  lang: 'en' | 'ja';
}

/**
 * A certificate shown twice, by a table row cut to a few columns and by a Format-List that left the
 * Subject out (or printed it empty), is one certificate with the table's subject and the list's
 * issuer and dates: the answer names it, never by its thumbprint alone.
 */
describe('a table row and a list of the same certificate', () => {
  const rows: Row[] = [
    {
      name: 'Exchange 2010 table with six-character Services, list without Subject',
      lang: 'en',
      paste: `Exchange 2010 SP3 Hub+CAS. Which one matters?\n\n${table('IP.WS.')}\n${listCa('9/30/2027 11:59:59 PM')}`,
    },
    {
      name: 'list first, then the table',
      lang: 'en',
      paste: `Our GoDaddy certificate, Exchange 2016 CU23:\n\n${listCa('9/30/2027 11:59:59 PM')}\n${table('IP.WS..')}`,
    },
    {
      name: 'Japanese dates, list with Subject and CertificateDomains printed empty',
      lang: 'ja',
      paste: `Exchange 2010 SP3 のサーバーです。どちらの証明書が問題でしょうか?\n\n${table('IP.WS.', '2027/09/30 23:59:59')}\n${listCa('2027/09/30 23:59:59', 'CertificateDomains : {}\nSubject            :\n')}`,
    },
    {
      name: 'Japanese prose, list without Subject, table cut at the terminal width',
      lang: 'ja',
      paste: `GoDaddy の証明書について教えてください。\n\n${listCa('2027/09/30 23:59:59')}\n${table('IP.WS.').replace('CN=mail.tailspintoys.com, OU=Domain Control Validated', 'CN=mail.tailspintoys.com, OU=Domain Cont...')}`,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const d = diagnose(row.paste, { now: NOW });
      assert.equal(d.language, row.lang);
      const ca = d.certificates.filter((c) => c.thumbprint === CA);
      assert.equal(ca.length, 1);
      assert.match(ca[0]?.subject ?? '', /^CN=mail\.tailspintoys\.com/);
      assert.equal(ca[0]?.issuer, GODADDY);
      assert.ok(ca[0]?.domains.includes('mail.tailspintoys.com'), ca[0]?.domains.join(','));
      assert.ok((ca[0]?.daysLeft ?? 0) > 300);
    });
  }
});
