import { addDays, addMonths, monthBounds } from '../../common/dates';
import { WorkingCalendar } from '../../common/calendar';
import { EXTRA_PARTS } from '../../common/contract/planning';
import { AREA_CODES, MARKS, SKILL_CODES, VALUE_WORDS } from '../../common/planning-reference';
import type { Input, Method, Output } from '../../common/contract';
import type { Role } from '../../common/roles';
import { TestClock } from '../../electron/api/clock';
import { Router } from '../../electron/api/router';
import type { SessionUser } from '../../electron/api/session';
import type { ScryptParams } from '../keyslots';
import { GROUP_NAMES, personName, personalCode, staffName } from './names';
import { Random } from './random';

/**
 * Builds a kindergarten through the program's own API (router → validation → services), with
 * the backend clock set to each day, so that generated data obeys the same rules as typed data.
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

export interface DemoAccount {
  role: Role;
  username: string;
  fullName: string;
  password: string;
}

const INSTITUTION = {
  name: 'Rīgas pirmsskolas izglītības iestāde «Zīlīte»',
  regNo: '40900012345',
  address: 'Skolas iela 1, Rīga, LV-1010',
};
const PASSWORD = 'demo-parole-2026';
const TEMPORARY = 'pagaidu-parole-2026';

/** Age bands of the groups; a child moves up one band each September. */
const BANDS = [
  { from: 18, to: 36 },
  { from: 36, to: 48 },
  { from: 48, to: 60 },
  { from: 60, to: 84 },
];

/** A topic of a monthly plan, for the journal checks made when it starts. */
interface StartedTopic {
  id: number;
  groupId: number;
  startDate: string;
}

interface ChildState {
  id: number;
  band: number;
  /** An illness or a holiday goes on for some days. */
  absentCode: 'NS' | 'NC' | 'N' | null;
}

export class Generator {
  readonly router: Router;
  private readonly clock: TestClock;
  private readonly random: Random;
  private readonly calendar = new WorkingCalendar();
  private users = new Map<string, SessionUser>();
  readonly accounts: DemoAccount[] = [];

  constructor(private readonly options: GeneratorOptions) {
    this.random = new Random(options.seed ?? 20261130);
    const start = `${this.firstYear()}-08-20T06:00:00Z`;
    this.clock = new TestClock(new Date(start));
    this.router = new Router({
      dataDir: options.dataDir,
      clock: this.clock,
      testMode: true,
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

  /** Sets the backend clock to a Riga wall-clock time (winter/summer time handled). */
  private at(date: string, time: string): void {
    const guess = new Date(`${date}T${time}:00Z`);
    const riga = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Riga',
      hour: '2-digit',
      hour12: false,
    }).format(guess);
    const offsetHours = (Number(riga) - guess.getUTCHours() + 24) % 24;
    this.clock.set(new Date(guess.getTime() - offsetHours * 3600_000));
    this.router.state.touch();
  }

  private async call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
    const result = await this.router.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.result as Output<M>;
  }

  /**
   * Calls the API as a given user, the way the UI would after that user logged in (the session
   * is switched in place: logging in each time would cost a key derivation per call).
   */
  async as<M extends Method>(username: string, method: M, input: Input<M>): Promise<Output<M>> {
    const user = this.users.get(username);
    if (!user) throw new Error(`No such seeded user: ${username}`);
    this.router.state.user = user;
    this.router.state.touch();
    return this.call(method, input);
  }

  private async user(role: Role, username: string, fullName: string): Promise<void> {
    const created = await this.as('vaditaja', 'users.create', {
      username,
      fullName,
      role,
      temporaryPassword: TEMPORARY,
    });
    this.users.set(username, { ...created, mustChangePassword: false });
    this.accounts.push({ role, username, fullName, password: PASSWORD });
    // Each account logs in once and sets its own password, as staff do at first login.
    await this.call('auth.login', { username, password: TEMPORARY });
    await this.call('auth.changePassword', {
      currentPassword: TEMPORARY,
      newPassword: PASSWORD,
      newPasswordRepeat: PASSWORD,
    });
  }

  async run(): Promise<DemoAccount[]> {
    await this.call('auth.setup', {
      institution: INSTITUTION,
      head: {
        fullName: 'Ilze Bērziņa',
        username: 'vaditaja',
        newPassword: PASSWORD,
        newPasswordRepeat: PASSWORD,
      },
    });
    this.users.set('vaditaja', { ...this.router.state.user! });
    this.accounts.push({
      role: 'head',
      username: 'vaditaja',
      fullName: 'Ilze Bērziņa',
      password: PASSWORD,
    });
    await this.as('vaditaja', 'auth.confirmRecoveryKey', {});
    await this.user('deputy', 'vietniece', 'Dace Kalniņa');
    await this.user('nurse', 'masa', 'Inese Ozola');
    await this.user('speech', 'logopede', 'Laura Liepa');
    const teachers: string[] = [];
    for (let i = 0; i < this.options.groupsPerYear * 2; i++) {
      const username = `skolotaja${i + 1}`;
      await this.user('teacher', username, staffName(this.random));
      teachers.push(username);
    }
    this.log(`${this.accounts.length} accounts`);

    let children: ChildState[] = [];
    for (let y = this.firstYear(); y < this.firstYear() + this.options.years; y++) {
      children = await this.schoolYear(y, teachers, children);
    }
    await this.router.dispose();
    return this.accounts;
  }

  private async schoolYear(
    year: number,
    teachers: string[],
    previous: ChildState[],
  ): Promise<ChildState[]> {
    const start = `${year}-09-01`;
    const end = `${year + 1}-08-31`;
    this.at(`${year}-08-25`, '10:00');
    const groups: { id: number; band: number; teachers: string[] }[] = [];
    for (let g = 0; g < this.options.groupsPerYear; g++) {
      const band = g % BANDS.length;
      const group = await this.as('vietniece', 'groups.create', {
        number: g + 1,
        name: GROUP_NAMES[g % GROUP_NAMES.length],
        ageFromMonths: BANDS[band].from,
        ageToMonths: BANDS[band].to,
        capacity: this.options.childrenPerGroup + 3,
        schoolYear: year,
        activeFrom: start,
        activeTo: end,
      });
      const own = [teachers[2 * g], teachers[2 * g + 1]];
      for (const teacher of own) {
        await this.as('vietniece', 'groups.assignTeacher', {
          groupId: group.id,
          userId: this.users.get(teacher)!.id,
          fromDate: start,
          toDate: end,
        });
      }
      groups.push({ id: group.id, band, teachers: own });
    }

    // Children move up a band; the oldest go to school; new ones fill the youngest groups.
    const staying = previous.filter((c) => c.band < BANDS.length - 1);
    const members = new Map<number, ChildState[]>(groups.map((g) => [g.id, []]));
    for (const child of staying) {
      const band = child.band + 1;
      const options = groups.filter(
        (g) => g.band === band && members.get(g.id)!.length < this.options.childrenPerGroup,
      );
      if (options.length === 0) continue;
      const group = this.random.pick(options);
      await this.as('vietniece', 'children.move', {
        childId: child.id,
        groupId: group.id,
        fromDate: start,
      });
      members.get(group.id)!.push({ ...child, band, absentCode: null });
    }
    for (const child of previous.filter((c) => c.band === BANDS.length - 1)) {
      await this.as('vietniece', 'children.leave', { childId: child.id, toDate: `${year}-08-31` });
    }
    for (const group of groups) {
      const list = members.get(group.id)!;
      while (list.length < this.options.childrenPerGroup) {
        const ageMonths = this.random.int(BANDS[group.band].from, BANDS[group.band].to - 1);
        const birth = addDays(start, -Math.round(ageMonths * 30.4) - this.random.int(0, 20));
        const name = personName(this.random);
        const child = await this.as('vietniece', 'children.create', {
          firstName: name.firstName,
          lastName: name.lastName,
          personalCode: personalCode(this.random, birth),
          birthDate: birth,
          groupId: group.id,
          fromDate: start,
        });
        list.push({ id: child.id, band: group.band, absentCode: null });
      }
    }
    this.log(
      `${year}/${year + 1}: ${groups.length} groups, ${[...members.values()].flat().length} children`,
    );

    const last = end < this.options.today ? end : this.options.today;
    const first =
      this.options.attendance === 'all' ? start : `${this.options.today.slice(0, 7)}-01`;
    if (first <= last && last >= start) {
      const from = first < start ? start : first;
      await this.attendance(groups, members, from, last);
      const topics = await this.planning(groups, from, last);
      await this.journals(groups, members, from, last);
      await this.supervision(topics, start);
    }
    return [...members.values()].flat();
  }

  /**
   * Each month of each group: two topics planned and submitted by the deadline (a few late),
   * then every child assessed in the topic's areas a few days after it ends.
   */
  private async planning(
    groups: { id: number; teachers: string[] }[],
    first: string,
    last: string,
  ): Promise<StartedTopic[]> {
    const started: StartedTopic[] = [];
    const topics = [
      'Rudens',
      'Mana ģimene',
      'Ziema',
      'Sniegs un ledus',
      'Pavasaris',
      'Putni',
      'Mājdzīvnieki',
      'Drošība',
      'Latvija',
      'Grāmatas',
      'Kosmoss',
      'Vasara',
      'Dārzs',
      'Ūdens',
    ];
    for (let month = first.slice(0, 7); month <= last.slice(0, 7);) {
      const [, monthEnd] = monthBounds(month);
      const ranges: [string, string][] = [
        [`${month}-01`, `${month}-14`],
        [`${month}-15`, monthEnd],
      ].filter(([, end]) => addDays(end, 7) <= this.options.today) as [string, string][];
      const previous = addMonths(month, -1);
      const due =
        this.calendar.lastWorkingDayOfMonth(
          Number(previous.slice(0, 4)),
          Number(previous.slice(5)),
        ) ?? `${month}-01`;
      for (const group of groups) {
        if (ranges.length === 0) break;
        const teacher = group.teachers[0];
        this.at(due, '14:00');
        let planId = 0;
        for (const [startDate, endDate] of ranges) {
          const areas = AREA_CODES.filter(() => this.random.chance(0.5)).slice(0, 4);
          if (areas.length === 0) areas.push('VAL');
          const title = this.random.pick(topics);
          const plan = await this.as(teacher, 'planning.saveTopic', {
            groupId: group.id,
            month,
            topic: {
              title,
              startDate,
              endDate,
              message: `Šonedēļ runāsim par tēmu «${title}».`,
              content: 'Rotaļnodarbības, sarunas, pastaigas un radošie darbi.',
              values: [this.random.pick(VALUE_WORDS)],
              valuesText: '',
              skills: [this.random.pick(SKILL_CODES)],
              results: Object.fromEntries(
                AREA_CODES.map((a) => [
                  a,
                  areas.includes(a) ? `Bērns iepazīst tēmu «${title}».` : '',
                ]),
              ),
              extra: Object.fromEntries(EXTRA_PARTS.map((part) => [part, ''])),
            },
          });
          planId = plan.id!;
        }
        if (this.random.chance(0.05)) this.at(`${month}-02`, '10:00'); // a late plan
        await this.as(teacher, 'planning.submit', { planId });
        const plan = await this.as(teacher, 'planning.plan', { groupId: group.id, month });
        for (const topic of plan.topics) {
          started.push({ id: topic.id, groupId: group.id, startDate: topic.startDate });
          this.at(addDays(topic.endDate, this.random.int(1, 4)), '15:00');
          const sheet = await this.as(teacher, 'assessment.sheet', { topicId: topic.id });
          const changes = sheet.children.flatMap((child) =>
            sheet.areas.map((area) => {
              const excused = this.random.chance(0.03);
              return {
                childId: child.id,
                area,
                mark: excused ? null : this.random.pick(MARKS),
                reason: excused ? ('excused' as const) : null,
              };
            }),
          );
          if (changes.length > 0) {
            await this.as(teacher, 'assessment.mark', { topicId: topic.id, changes });
          }
        }
      }
      month = addMonths(month, 1);
    }
    return started;
  }

  /**
   * Each month: a few individual work entries per group by its teacher (now and then one sent
   * to the parents, now and then written a day late), the speech therapist's sessions, and the
   * deputy's diary.
   */
  private async journals(
    groups: { id: number; teachers: string[] }[],
    members: Map<number, ChildState[]>,
    first: string,
    last: string,
  ): Promise<void> {
    const notes = [
      'Skaņu izrunas vingrinājumi ar spoguli.',
      'Krāsu un formu šķirošana ar kartītēm.',
      'Skaitīšana līdz desmit ar kociņiem.',
      'Stāsta veidošana pēc attēliem.',
      'Sīkās motorikas vingrinājumi ar plastilīnu.',
    ];
    const kinds = ['play', 'individualWork', 'individualLesson'] as const;
    const diaryKinds = ['meeting', 'activity', 'consultation', 'observation', 'other'] as const;
    const days: string[] = [];
    for (let d = first; d <= last; d = addDays(d, 1)) {
      if (this.calendar.isWorkingDay(d)) days.push(d);
    }
    const byMonth = new Map<string, string[]>();
    for (const d of days) byMonth.set(d.slice(0, 7), [...(byMonth.get(d.slice(0, 7)) ?? []), d]);
    for (const monthDays of byMonth.values()) {
      const write = async (author: string, groupId: number, day: string, send: boolean) => {
        const late = this.random.chance(0.05);
        this.at(late ? addDays(day, 1) : day, '13:30');
        const children = members.get(groupId)!;
        const picked = [...new Set([this.random.pick(children), this.random.pick(children)])];
        await this.as(author, 'journals.saveEntry', {
          date: day,
          childIds: picked.slice(0, this.random.int(1, 2)).map((c) => c.id),
          kind: this.random.pick(kinds),
          content: this.random.pick(notes),
          durationMinutes: this.random.pick([15, 20, 30, null]),
          sendToParents: send,
        });
      };
      for (const group of groups) {
        for (let i = 0; i < 2; i++) {
          await write(
            group.teachers[0],
            group.id,
            this.random.pick(monthDays),
            this.random.chance(0.1),
          );
        }
      }
      for (let i = 0; i < 6; i++) {
        await write('logopede', this.random.pick(groups).id, this.random.pick(monthDays), false);
      }
      for (let i = 0; i < 3; i++) {
        const day = this.random.pick(monthDays);
        this.at(day, '16:00');
        await this.as('vietniece', 'supervision.diarySave', {
          date: day,
          kind: this.random.pick(diaryKinds),
          participants: 'Grupu skolotājas',
          content: this.random.pick([
            'Informācija par mēneša pasākumiem.',
            'Konsultācija par individuālo darbu ar bērniem.',
            'Rotaļnodarbības vērojums un pārrunas ar skolotāju.',
          ]),
        });
      }
    }
  }

  /**
   * The deputy checks each group's journal when a topic starts (the rules' 3.9); the head
   * checks twice a school year, in October and in February (3.12).
   */
  private async supervision(topics: StartedTopic[], yearStart: string): Promise<void> {
    const year = Number(yearStart.slice(0, 4));
    const headMonths = new Set([`${year}-10`, `${year + 1}-02`]);
    for (const topic of topics) {
      const day = addDays(topic.startDate, this.random.int(0, 2));
      if (day > this.options.today) continue;
      this.at(day, '15:00');
      // The head takes the first topic she meets in each of her two months.
      const head = headMonths.delete(topic.startDate.slice(0, 7));
      await this.as(head ? 'vaditaja' : 'vietniece', 'supervision.checkSave', {
        date: day,
        groupId: topic.groupId,
        topicId: topic.id,
        findings: this.random.pick([
          'Plāns iesniegts laikus, temats aprakstīts pilnībā.',
          'Sasniedzamie rezultāti formulēti vispārīgi.',
        ]),
        recommendations: this.random.chance(0.3) ? 'Precizēt sasniedzamos rezultātus.' : '',
        correctionDate: null,
      });
    }
  }

  /** Every working day: the teacher marks the absent children and confirms, mostly by 09:00. */
  private async attendance(
    groups: { id: number; teachers: string[] }[],
    members: Map<number, ChildState[]>,
    first: string,
    last: string,
  ): Promise<void> {
    for (let date = first; date <= last; date = addDays(date, 1)) {
      if (!this.calendar.isWorkingDay(date)) continue;
      const month = Number(date.slice(5, 7));
      const winter = month === 12 || month <= 3;
      const summer = month >= 6 && month <= 8;
      const rate = winter ? 0.13 : summer ? 0.16 : 0.08;
      const mix: ['NS' | 'NC' | 'N', number][] = winter
        ? [
            ['NS', 0.65],
            ['NC', 0.25],
            ['N', 0.1],
          ]
        : summer
          ? [
              ['NC', 0.75],
              ['NS', 0.15],
              ['N', 0.1],
            ]
          : [
              ['NS', 0.45],
              ['NC', 0.4],
              ['N', 0.15],
            ];
      this.at(date, `08:${String(this.random.int(0, 45)).padStart(2, '0')}`);
      const corrections: { groupId: number; childId: number }[] = [];
      for (const group of groups) {
        const changes = [];
        for (const child of members.get(group.id)!) {
          if (child.absentCode && this.random.chance(child.absentCode === 'NS' ? 0.7 : 0.6)) {
            // still away
          } else if (this.random.chance(rate / 2.5)) {
            let roll = this.random.next();
            child.absentCode = mix.find(([, p]) => (roll -= p) < 0)?.[0] ?? 'N';
          } else {
            child.absentCode = null;
          }
          if (child.absentCode) {
            changes.push({ childId: child.id, date, expected: null, code: child.absentCode });
            if (child.absentCode === 'N' && this.random.chance(0.2)) {
              corrections.push({ groupId: group.id, childId: child.id });
            }
          }
        }
        const teacher = this.random.pick(group.teachers);
        if (changes.length > 0) {
          await this.as(teacher, 'attendance.save', { groupId: group.id, changes, reason: '' });
        }
        const late = this.random.chance(0.04);
        if (late) this.at(date, `09:${String(this.random.int(5, 50)).padStart(2, '0')}`);
        await this.as(teacher, 'attendance.confirm', { groupId: group.id, date });
        if (late) this.at(date, '08:50');
      }
      // The nurse's round: a doctor's note turns some N into NS.
      this.at(date, '11:30');
      for (const c of corrections) {
        await this.as('masa', 'attendance.save', {
          groupId: c.groupId,
          changes: [{ childId: c.childId, date, expected: 'N', code: 'NS' }],
          reason: 'Ārsta zīme',
        });
      }
      await this.as('masa', 'attendance.nurseConfirm', { date });
    }
  }
}
