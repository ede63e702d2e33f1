import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatTime,
  fromDateTimeLocalValue,
  toDateTimeLocalValue,
} from '../../src/web/lib/dates.ts';

// Local times are built with the Date constructor so the tests hold in any time zone.
describe('UK dates and times in the web app', () => {
  it('writes dates as "6 August 2018"', () => {
    expect(formatDate(new Date(2018, 7, 6, 10, 0))).toBe('6 August 2018');
  });

  it('writes times as 5.30pm, 9am, midday and midnight', () => {
    expect(formatTime(new Date(2018, 7, 6, 17, 30))).toBe('5.30pm');
    expect(formatTime(new Date(2018, 7, 6, 9, 0))).toBe('9am');
    expect(formatTime(new Date(2018, 7, 6, 12, 0))).toBe('midday');
    expect(formatTime(new Date(2018, 7, 6, 0, 0))).toBe('midnight');
    expect(formatTime(new Date(2018, 7, 6, 0, 5))).toBe('12.05am');
    expect(formatDateTime(new Date(2018, 7, 6, 17, 30))).toBe('6 August 2018 at 5.30pm');
  });

  it('treats an empty or invalid date-time field as no value', () => {
    expect(fromDateTimeLocalValue('')).toBeUndefined();
    expect(fromDateTimeLocalValue('not a date')).toBeUndefined();
  });

  test.prop([fc.date({ min: new Date(2000, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true })])(
    'round-trips a date-time field to the minute',
    (date) => {
      const minute = new Date(
        date.getFullYear(),
        date.getMonth(),
        date.getDate(),
        date.getHours(),
        date.getMinutes(),
      );
      const iso = fromDateTimeLocalValue(toDateTimeLocalValue(minute));
      expect(iso).toBe(minute.toISOString());
    },
  );
});
