import type { ScryptParams } from '../../database/keyslots';
import { SeedApi, type DemoAccount } from './api';
import { seedAttendance } from './attendance';
import { seedJournalChecks, seedJournals } from './journals';
import { seedSchoolYear, seedStaff, type ChildState } from './people';
import { seedPlanning } from './planning';

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
  seed?: number;
  scrypt?: ScryptParams;
  log?: (line: string) => void;
}

export class Generator {
  private readonly api: SeedApi;

  constructor(private readonly options: GeneratorOptions) {
    this.api = new SeedApi({
      dataDir: options.dataDir,
      start: `${this.firstYear()}-08-20T06:00:00Z`,
      seed: options.seed ?? 20261130,
      scrypt: options.scrypt,
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
    this.log(`${this.api.accounts.length} accounts`);
    let children: ChildState[] = [];
    for (let y = this.firstYear(); y < this.firstYear() + this.options.years; y++) {
      children = await this.schoolYear(y, teachers, children);
    }
    await this.api.router.dispose();
    return this.api.accounts;
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
    this.log(
      `${year}/${year + 1}: ${groups.length} groups, ${[...members.values()].flat().length} children`,
    );

    const start = `${year}-09-01`;
    const end = `${year + 1}-08-31`;
    const last = end < today ? end : today;
    const first = this.options.attendance === 'all' ? start : `${today.slice(0, 7)}-01`;
    if (first <= last && last >= start) {
      const from = first < start ? start : first;
      await seedAttendance(this.api, groups, members, from, last);
      const topics = await seedPlanning(this.api, groups, from, last, today);
      await seedJournals(this.api, groups, members, from, last);
      await seedJournalChecks(this.api, topics, start, today);
    }
    return [...members.values()].flat();
  }
}
