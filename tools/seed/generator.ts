import type { ClosureRow } from '../../common/calendar';
import type { ScryptParams } from '../../database/keyslots';
import type { TestClock } from '../../electron/api/clock';
import { SeedApi, type DemoAccount, type SeedRouter } from './api';
import { seedAttendance } from './attendance';
import { seedClosures } from './closures';
import { seedFamilies } from './families';
import { seedJournalChecks, seedJournals } from './journals';
import { seedLogins } from './logins';
import { seedSchoolYear, seedStaff, type ChildState } from './people';
import { seedPlanning } from './planning';
import { planSubstitutions } from './substitutions';

export type { DemoAccount } from './api';

/**
 * Builds a kindergarten through the program's own API (router → validation → services), with
 * the backend clock set to each day, so that generated data obeys the same rules as typed data.
 * One file per domain beside this one; this file walks the school years.
 */

export interface GeneratorOptions {
  dataDir: string;
  /** The last day of data ("today"), YYYY-MM-DD. */
  today: string;
  /** School years, ending with the one that holds `today`. */
  years: number;
  groupsPerYear: number;
  childrenPerGroup: number;
  /** Attendance for every working day, or only the month that holds `today`. */
  attendance: 'all' | 'lastMonth';
  /**
   * Plans, marks, journals, talks, checks and logins for every month, or only the month that
   * holds `today`; as `attendance` unless given (several years of plans without ten years of
   * attendance make a dataset of seconds).
   */
  journals?: 'all' | 'lastMonth';
  seed?: number;
  scrypt?: ScryptParams;
  log?: (line: string) => void;
  /** Another backend than one PC's Router on `dataDir` (the tests on PostgreSQL). */
  router?: (clock: TestClock) => SeedRouter;
}

export class Generator {
  private readonly api: SeedApi;
  private readonly closures: ClosureRow[] = [];
  private staff: string[] = [];

  constructor(private readonly options: GeneratorOptions) {
    this.api = new SeedApi({
      dataDir: options.dataDir,
      start: `${this.firstYear()}-08-20T06:00:00Z`,
      seed: options.seed ?? 20261130,
      scrypt: options.scrypt,
      router: options.router,
    });
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  private firstYear(): number {
    const [y, m] = this.options.today.split('-').map(Number) as [number, number];
    return (m >= 9 ? y : y - 1) - this.options.years + 1;
  }

  async run(): Promise<DemoAccount[]> {
    const teachers = await seedStaff(this.api, this.options.groupsPerYear);
    this.staff = this.api.accounts.map((a) => a.username);
    this.log(`${this.api.accounts.length} accounts`);
    let children: ChildState[] = [];
    for (let y = this.firstYear(); y < this.firstYear() + this.options.years; y++) {
      children = await this.schoolYear(y, teachers, children);
    }
    await this.api.router.dispose();
    return this.api.accounts;
  }

  /** The days of the school year that get data: all up to today, or today's month only. */
  private range(year: number, scope: 'all' | 'lastMonth'): [string, string] | null {
    const { today } = this.options;
    const start = `${year}-09-01`;
    const end = `${year + 1}-08-31`;
    const last = end < today ? end : today;
    const first = scope === 'all' ? start : `${today.slice(0, 7)}-01`;
    if (first > last || last < start) return null;
    return [first < start ? start : first, last];
  }

  private async schoolYear(
    year: number,
    teachers: string[],
    previous: ChildState[],
  ): Promise<ChildState[]> {
    const { today } = this.options;
    const { groups, members } = await seedSchoolYear(
      this.api,
      { year, ...this.options },
      teachers,
      previous,
    );
    const children = [...members.values()].flat();
    this.log(`${year}/${year + 1}: ${groups.length} groups, ${children.length} children`);
    const before = new Set(previous.map((c) => c.id));
    await seedFamilies(
      this.api,
      children.filter((c) => !before.has(c.id)),
      `${year}-09-01`,
      today,
    );
    await seedClosures(this.api, year, this.closures);

    const days = this.range(year, this.options.attendance);
    if (days) {
      const substitutions = planSubstitutions(this.api, groups, ...days);
      await seedAttendance(this.api, groups, members, ...days, substitutions);
    }
    const months = this.range(year, this.options.journals ?? this.options.attendance);
    if (months) {
      const topics = await seedPlanning(this.api, groups, ...months, today);
      await seedJournals(this.api, groups, members, ...months);
      await seedJournalChecks(this.api, topics, `${year}-09-01`, today);
      await seedLogins(this.api, this.staff, ...months);
    }
    return children;
  }
}
