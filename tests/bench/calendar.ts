import { WorkingCalendar } from '../../common/calendar';
import { fromDayNumber, toDayNumber } from '../../common/dates';
import { interleave, type BenchRow } from './harness';

const YEARS = [2020, 2029] as const;

function datesOfYear(year: number): string[] {
  const out: string[] = [];
  const end = toDayNumber(`${year + 1}-01-01`);
  for (let n = toDayNumber(`${year}-01-01`); n < end; n++) out.push(fromDayNumber(n));
  return out;
}

/**
 * The working calendar's ten-year loop (every month's working days and last working day, then
 * every date asked once), on a fresh calendar each run as plans and the supervision aggregate
 * use it; beside the same loop over bare weekdays from Date, with no holidays at all. It was
 * a timed unit test (< 1 s); timings belong here, where they are measured, not asserted.
 */
export async function benchCalendar(): Promise<BenchRow> {
  const dates = new Map<number, string[]>();
  for (let year = YEARS[0]; year <= YEARS[1]; year++) dates.set(year, datesOfYear(year));
  const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
  // A fresh calendar each run, as plans and the supervision aggregate make one.
  const [ours, baseline] = await interleave(
    () => {
      const calendar = new WorkingCalendar({ closures: [{ date: '2026-03-16' }] });
      let count = 0;
      for (let year = YEARS[0]; year <= YEARS[1]; year++) {
        for (let month = 1; month <= 12; month++) {
          count += calendar.workingDaysOfMonth(year, month).length;
          calendar.lastWorkingDayOfMonth(year, month);
        }
        for (const d of dates.get(year)!) if (calendar.isWorkingDay(d)) count--;
      }
      if (count !== 0) throw new Error(`calendar loop: ${count} working days unaccounted for`);
    },
    () => {
      let count = 0;
      for (let year = YEARS[0]; year <= YEARS[1]; year++) {
        for (const d of dates.get(year)!) {
          const day = weekday(d);
          if (day !== 0 && day !== 6) count++;
        }
      }
      return count;
    },
    { warmup: 10, runs: 50 },
  );
  const row: BenchRow = {
    operation: 'the working calendar, ten years of months and days',
    ours,
    baseline,
    baselineLabel: 'weekdays by Date, no holidays',
  };
  return { ...row, targets: [{ label: '< 1000 ms p95', met: ours.p95 < 1000 }] };
}
