import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const NEW = '14B84D3E16288413F8A8A22786B3AC148FF967BD';
const OLD = '0565FC120B9E91A3247D8B9DFFEAD35BF3C1F77F';

const PROMPT_EN = `Confirm
Overwrite the existing default SMTP certificate?

Current certificate: '${OLD}' (expires 5/17/2030 3:22:41 PM)
Replace it with certificate: '${NEW}' (expires 11/30/2027 11:59:59 PM)
[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is "Y"):`;
const PROMPT_JA = `確認
既存の既定の SMTP 証明書を上書きしますか?

現在の証明書 : "${OLD}" (有効期限:2030/05/17 15:22:41)
次の証明書で置き換えます : "${NEW}" (有効期限:2027/11/30 23:59:59)
[Y] はい(Y)  [A] すべて続行(A)  [N] いいえ(N)  [L] すべて無視(L)  [?] ヘルプ (既定値は "Y"):`;

const ENABLE = `[PS] C:\\Windows\\system32>Enable-ExchangeCertificate -Thumbprint ${NEW} -Services IIS,SMTP`;
const NEW_SELF =
  '[PS] C:\\Windows\\system32>New-ExchangeCertificate -DomainName ex01.contoso.local,EX01 -Services SMTP';
const NEW_AUTH =
  "[PS] C:\\Windows\\system32>New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName 'cn=Microsoft Exchange Server Auth Certificate' -FriendlyName 'Microsoft Exchange Server Auth Certificate' -DomainName @()";
const LISTED_CA = `Thumbprint : ${NEW}
Subject    : CN=mail.contoso.com, O=Contoso, C=US
Issuer     : CN=Contoso Issuing CA, DC=contoso, DC=local
NotAfter   : 11/30/2027 11:59:59 PM
Services   : None`;

/**
 * The overwrite-default-SMTP prompt gets exactly one answer when the paste shows who issued the new
 * certificate; only when it does not, the step that shows it comes first and each outcome answers once.
 */
describe('one answer to the overwrite-default-SMTP prompt, from the facts the paste shows', () => {
  const rows: {
    name: string;
    lang: 'en' | 'ja';
    paste: string;
    answer?: 'Y' | 'N';
    says: RegExp;
  }[] = [
    {
      name: 'a CA named by the admin (en)',
      lang: 'en',
      paste: `Enabling our new DigiCert cert.\n${ENABLE}\n${PROMPT_EN}`,
      answer: 'N',
      says: /^Answer N .*issued by a CA/,
    },
    {
      name: 'a CA named by the admin (ja)',
      lang: 'ja',
      paste: `DigiCert の証明書を割り当てます。\n${ENABLE}\n${PROMPT_JA}`,
      answer: 'N',
      says: /には N と答えます。.*CA 発行/,
    },
    {
      name: 'a purchased certificate, and the prompt without 既存の as Exchange 2010 words it (ja)',
      lang: 'ja',
      paste: `購入した証明書を SMTP と IIS に割り当てようとしたら確認が出ました。\n${ENABLE}\n${PROMPT_JA.replace('既存の既定の', '既定の')}`,
      answer: 'N',
      says: /には N と答えます。.*CA 発行/,
    },
    {
      name: 'a purchased certificate (en)',
      lang: 'en',
      paste: `Enabling the certificate we purchased last week.\n${ENABLE}\n${PROMPT_EN}`,
      answer: 'N',
      says: /^Answer N .*issued by a CA/,
    },
    {
      name: 'the new certificate listed with a CA issuer',
      lang: 'en',
      paste: `${LISTED_CA}\n\n${ENABLE}\n${PROMPT_EN}`,
      answer: 'N',
      says: /^Answer N/,
    },
    {
      name: 'a self-signed one New-ExchangeCertificate made (en)',
      lang: 'en',
      paste: `${NEW_SELF}\n${PROMPT_EN}`,
      answer: 'Y',
      says: /^Answer Y .*self-signed/,
    },
    {
      name: 'a self-signed one New-ExchangeCertificate made (ja)',
      lang: 'ja',
      paste: `${NEW_SELF}\n${PROMPT_JA}`,
      answer: 'Y',
      says: /には Y と答えます。.*自己署名/,
    },
    {
      name: 'the Auth certificate being made (en)',
      lang: 'en',
      paste: `${NEW_AUTH}\n${PROMPT_EN}`,
      answer: 'N',
      says: /^Answer N .*Auth certificate/,
    },
    {
      name: 'the Auth certificate being made (ja)',
      lang: 'ja',
      paste: `${NEW_AUTH}\n${PROMPT_JA}`,
      answer: 'N',
      says: /には N と答えます。.*Auth 証明書/,
    },
    {
      name: 'nothing says who issued it (en)',
      lang: 'en',
      paste: `${ENABLE}\n${PROMPT_EN}`,
      says: /depends on who issued/,
    },
    {
      name: 'nothing says who issued it (ja)',
      lang: 'ja',
      paste: `${ENABLE}\n${PROMPT_JA}`,
      says: /発行者で決まります/,
    },
  ];
  const answerOf = (title: string, lang: 'en' | 'ja') =>
    (lang === 'en' ? /answer ([YN]) at the prompt/i : /確認には ([YN]) と答えます/).exec(title)?.[1];
  for (const row of rows) {
    it(row.name, () => {
      const d = diagnose(row.paste, { now: NOW, lang: row.lang });
      const finding = d.findings.find((f) => f.code === 'SMTP_OVERWRITE_PROMPT');
      assert.match(finding?.message ?? '', row.says);
      assert.doesNotMatch(d.steps.map((s) => s.command ?? '').join('\n'), /-Force\b/);
      const answered = d.steps.filter((s) => answerOf(s.title, row.lang));
      const show = d.steps.findIndex((s) =>
        /Get-ExchangeCertificate -Thumbprint \S+ \| fl Subject,Issuer,IsSelfSigned/.test(s.command ?? ''),
      );
      if (row.answer) {
        // Decided: one step, one answer, no branch and nothing asked first.
        assert.equal(answered.length, 1, answered.map((s) => s.title).join('\n'));
        assert.equal(answerOf(answered[0]?.title ?? '', row.lang), row.answer);
        assert.doesNotMatch(answered[0]?.title ?? '', /^If |場合[:、]/);
        assert.equal(show, -1);
        assert.match(d.summary, new RegExp(`\\b${row.answer}\\b`));
      } else {
        // Undecided: the issuer is shown first, then each outcome answers once under its condition.
        assert.deepEqual(answered.map((s) => answerOf(s.title, row.lang)).sort(), ['N', 'Y']);
        assert.ok(show >= 0 && answered.every((s) => d.steps.indexOf(s) > show && s.when));
        assert.ok(
          answered.every((s) => /IsSelfSigned/.test(s.title)),
          'each outcome names its condition',
        );
      }
      // Every plan ends with a check.
      assert.ok(d.steps.at(-1)?.command);
    });
  }
});
