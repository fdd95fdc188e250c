import { DateTime } from 'luxon';
import { ZONE } from '../kernel/dates';

/**
 * Demo events keep the weekday and wall-clock times of their source documents but are
 * moved by whole weeks to lie just ahead of `now`, so the demo always shows a live agenda
 * (a seed from 2018 would otherwise only ever show "afgelopen").
 */
export interface DemoClock {
  /** A local Amsterdam wall-clock time from the source ("2018-03-07T12:30"), shifted. */
  at(localDateTime: string): string;
}

export function demoClock(now: Date, originalFirstDay: string, weeksAhead: number): DemoClock {
  const original = DateTime.fromISO(originalFirstDay, { zone: ZONE }).startOf('day');
  const target = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day').plus({ weeks: weeksAhead });
  const weeks = Math.ceil(target.diff(original, 'days').days / 7);
  return {
    at(localDateTime: string) {
      const t = DateTime.fromISO(localDateTime, { zone: ZONE });
      if (!t.isValid) throw new Error(`Not a local date-time: ${localDateTime}`);
      return t.plus({ weeks }).toISO({ suppressMilliseconds: true })!;
    },
  };
}
