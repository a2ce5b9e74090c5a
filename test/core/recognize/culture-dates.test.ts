import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCultureDate, readCultureDates } from '../../../src/core/recognize/culture-dates.js';

describe('readCultureDate: one date in each culture (local time read as UTC)', () => {
  const rows: { name: string; input: string; want: string | undefined }[] = [
    { name: 'en-US', input: '8/6/2026 6:56:14 AM', want: '2026-08-06T06:56:14.000Z' },
    { name: 'en-US PM', input: '11/2/2026 5:59:59 PM', want: '2026-11-02T17:59:59.000Z' },
    { name: 'en-US 12 AM is midnight', input: '12/25/2026 12:00:00 AM', want: '2026-12-25T00:00:00.000Z' },
    { name: 'en-US 12 PM is noon', input: '12/25/2026 12:30:00 PM', want: '2026-12-25T12:30:00.000Z' },
    { name: 'certutil, no seconds', input: '12/24/2026 6:11 PM', want: '2026-12-24T18:11:00.000Z' },
    { name: 'de-DE', input: '14.03.2027 09:12:44', want: '2027-03-14T09:12:44.000Z' },
    { name: 'ru-RU unpadded hour', input: '02.02.2028 3:09:22', want: '2028-02-02T03:09:22.000Z' },
    { name: 'ja-JP', input: '2026/12/25 11:11:40', want: '2026-12-25T11:11:40.000Z' },
    { name: 'ja-JP unpadded', input: '2026/8/6 6:56:14', want: '2026-08-06T06:56:14.000Z' },
    { name: 'ja-JP 午後', input: '2026/12/25 午後 1:11:40', want: '2026-12-25T13:11:40.000Z' },
    { name: 'ISO local', input: '2026-12-25 11:11:40', want: '2026-12-25T11:11:40.000Z' },
    { name: 'ISO with offset', input: '2026-12-25T11:11:40.1234567+09:00', want: '2026-12-25T02:11:40.000Z' },
    { name: 'ISO Z', input: '2026-12-25T11:11:40Z', want: '2026-12-25T11:11:40.000Z' },
    { name: 'date only', input: '14.03.2027', want: '2027-03-14T00:00:00.000Z' },
    { name: 'hu-HU', input: '2027. 03. 14. 9:12:44', want: '2027-03-14T09:12:44.000Z' },
    { name: 'en-GB with a day over 12', input: '25/12/2026 11:11:40', want: '2026-12-25T11:11:40.000Z' },
    { name: 'no such month', input: '13/13/2026 1:00:00', want: undefined },
    { name: 'no such day', input: '31.02.2026 1:00:00', want: undefined },
    { name: 'hour 25', input: '2026/12/25 25:00:00', want: undefined },
    { name: 'not a date', input: 'DateInvalid', want: undefined },
    { name: 'empty', input: '', want: undefined },
  ];
  for (const row of rows) it(row.name, () => assert.equal(readCultureDate(row.input), row.want));
});

describe('readCultureDates: day/month order settled over NotBefore and NotAfter', () => {
  const rows: { name: string; input: [string, string]; want: [string, string]; ambiguous: boolean }[] = [
    {
      name: 'a day over 12 in one date decides for both',
      input: ['5/3/2022 10:00:00 AM', '11/20/2027 3:14:09 PM'],
      want: ['2022-05-03T10:00:00.000Z', '2027-11-20T15:14:09.000Z'],
      ambiguous: false,
    },
    {
      name: 'en-US unpadded with AM/PM (s18)',
      input: ['8/6/2021 6:56:14 AM', '8/6/2026 6:56:14 AM'],
      want: ['2021-08-06T06:56:14.000Z', '2026-08-06T06:56:14.000Z'],
      ambiguous: false,
    },
    {
      name: 'en-AU pads only the month: d/MM',
      input: ['12/02/2018 1:53:00 PM', '12/02/2023 1:53:00 PM'],
      want: ['2018-02-12T13:53:00.000Z', '2023-02-12T13:53:00.000Z'],
      ambiguous: false,
    },
    {
      name: 'the Auth certificate lifetime (1800 days) decides: day first',
      input: ['03/05/2022 10:00:00', '07/04/2027 10:00:00'],
      want: ['2022-05-03T10:00:00.000Z', '2027-04-07T10:00:00.000Z'],
      ambiguous: false,
    },
    {
      name: 'the Auth certificate lifetime decides: month first',
      input: ['05/03/2022 10:00:00', '04/07/2027 10:00:00'],
      want: ['2022-05-03T10:00:00.000Z', '2027-04-07T10:00:00.000Z'],
      ambiguous: false,
    },
    {
      name: 'day equals month: nothing to settle',
      input: ['02/02/2023 03:09:22', '02/02/2028 03:09:22'],
      want: ['2023-02-02T03:09:22.000Z', '2028-02-02T03:09:22.000Z'],
      ambiguous: false,
    },
    {
      name: 'en-GB, both padded, 60 months (symmetric): ambiguous, day first',
      input: ['06/08/2021 06:56:14', '06/08/2026 06:56:14'],
      want: ['2021-08-06T06:56:14.000Z', '2026-08-06T06:56:14.000Z'],
      ambiguous: true,
    },
    {
      name: 'padded with AM/PM: ambiguous, month first',
      input: ['06/08/2021 06:56:14 AM', '06/08/2026 06:56:14 AM'],
      want: ['2021-06-08T06:56:14.000Z', '2026-06-08T06:56:14.000Z'],
      ambiguous: true,
    },
    {
      name: 'dots are always day first',
      input: ['06.08.2021 06:56:14', '06.08.2026 06:56:14'],
      want: ['2021-08-06T06:56:14.000Z', '2026-08-06T06:56:14.000Z'],
      ambiguous: false,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const got = readCultureDates(row.input);
      assert.deepEqual(got.values, row.want);
      assert.equal(got.ambiguous, row.ambiguous);
      if (row.ambiguous) {
        assert.match(got.detail ?? '', /month first/);
        assert.match(got.detail ?? '', /day first/);
      } else {
        assert.equal(got.detail, undefined);
      }
    });
  }

  it('a missing NotBefore still reads NotAfter', () => {
    assert.deepEqual(readCultureDates([undefined, '14.03.2027 09:12:44']).values, [
      undefined,
      '2027-03-14T09:12:44.000Z',
    ]);
  });

  it('an ambiguous detail gives both readings of the date', () => {
    const got = readCultureDates(['06/08/2021 06:56:14', '06/08/2026 06:56:14']);
    assert.match(got.detail ?? '', /2026-06-08/);
    assert.match(got.detail ?? '', /2026-08-06/);
  });
});
