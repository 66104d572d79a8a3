/**
 * Latvian public holidays. Pure: shared by the Node backend and the renderer, so no Node
 * built-ins.
 *
 * Public holidays come from `date-holidays`, corrected by resources/calendar-lv.json (see
 * /work/shared/reference/reference.json → date_holidays_npm_check): the Song and Dance Festival
 * closing day is added, the weekend rule of art. 1 is applied here, observances are ignored and
 * names follow the law.
 */
import Holidays from 'date-holidays';
import data from '../resources/calendar-lv.json';
import {
  checkYear,
  dayNumberOf,
  fromDayNumber,
  toDayNumber,
  weekdayOfDayNumber,
  type IsoDate,
} from './dates';
import type { Locale } from './locale';

export type HolidayName = Record<Locale, string>;

export interface PublicHoliday {
  date: IsoDate;
  name: HolidayName;
  /** Set on the weekday given off because this holiday fell on Sat/Sun: the holiday's own date. */
  substituteFor: IsoDate | null;
  /** From planned dates only, not yet confirmed (the 2028 Song and Dance Festival). */
  projected: boolean;
}

/** A Cabinet (or institution) transfer: a weekday off, worked on a Saturday instead. */
export interface MovedWorkingDay {
  dayOff: IsoDate;
  workSaturday: IsoDate | null;
  basis: string | null;
  source: string | null;
}

interface ReferenceMovedDay {
  dayOff: string;
  workSaturday: string;
  basis: string | null;
  source: string;
}

interface ReferenceFestivalDay {
  date: string;
  expectedDayOff: string;
  verified: boolean;
}

interface ReferenceOneOff {
  date: string;
  lv: string;
  en: string;
  ru?: string;
}

interface CalendarReference {
  movedWorkingDays: readonly ReferenceMovedDay[];
  songFestivalClosingDays: readonly ReferenceFestivalDay[];
  oneOffHolidays: readonly ReferenceOneOff[];
}

// Assigning (not casting) lets the compiler check the JSON against the shape used here.
const reference: CalendarReference = data;

/** The Cabinet's transfers known to resources/calendar-lv.json. */
export const PRELOADED_MOVED_DAYS: readonly MovedWorkingDay[] = Object.freeze(
  reference.movedWorkingDays.map((m) =>
    Object.freeze({
      dayOff: m.dayOff,
      workSaturday: m.workSaturday,
      basis: m.basis,
      source: m.source,
    }),
  ),
);

// ---------------------------------------------------------------------------------------------
// Public holidays

/** Names as in the law (art. 1), keyed by the date part of date-holidays' rule. */
const LAW_NAMES: Readonly<Partial<Record<string, HolidayName>>> = {
  '01-01': { lv: 'Jaungada diena', en: "New Year's Day", ru: 'Новый год' },
  'easter -2': { lv: 'Lielā Piektdiena', en: 'Good Friday', ru: 'Страстная пятница' },
  easter: { lv: 'Pirmās Lieldienas', en: 'Easter Sunday', ru: 'Первый день Пасхи' },
  'easter 1': { lv: 'Otrās Lieldienas', en: 'Easter Monday', ru: 'Второй день Пасхи' },
  '05-01': {
    lv: 'Darba svētki, Latvijas Republikas Satversmes sapulces sasaukšanas diena',
    en: 'Labour Day, Convocation Day of the Constituent Assembly of the Republic of Latvia',
    ru: 'Праздник труда, день созыва Учредительного собрания Латвийской Республики',
  },
  '05-04': {
    lv: 'Latvijas Republikas Neatkarības atjaunošanas diena',
    en: 'Restoration of Independence Day of the Republic of Latvia',
    ru: 'День восстановления независимости Латвийской Республики',
  },
  '06-23': { lv: 'Līgo diena', en: 'Midsummer Eve', ru: 'Лиго' },
  '06-24': { lv: 'Jāņu diena', en: 'Midsummer Day', ru: 'Янов день' },
  '11-18': {
    lv: 'Latvijas Republikas Proklamēšanas diena',
    en: 'Proclamation Day of the Republic of Latvia',
    ru: 'День провозглашения Латвийской Республики',
  },
  '12-24': { lv: 'Ziemassvētku vakars', en: 'Christmas Eve', ru: 'Сочельник' },
  '12-25': { lv: 'Pirmie Ziemassvētki', en: 'Christmas Day', ru: 'Первый день Рождества' },
  '12-26': { lv: 'Otrie Ziemassvētki', en: 'Second Day of Christmas', ru: 'Второй день Рождества' },
  '12-31': { lv: 'Vecgada diena', en: "New Year's Eve", ru: 'Последний день года' },
};

const MOTHERS_DAY: HolidayName = { lv: 'Mātes diena', en: "Mother's Day", ru: 'День матери' };
const PENTECOST: HolidayName = { lv: 'Vasarsvētki', en: 'Pentecost', ru: 'Троица' };
const SONG_FESTIVAL: HolidayName = {
  lv: 'Vispārējo latviešu Dziesmu un deju svētku noslēguma diena',
  en: 'Closing day of the General Latvian Song and Dance Festival',
  ru: 'День закрытия Вселатвийского праздника песни и танца',
};

/** Only these move to the next working day when they fall on a weekend (art. 1, last para). */
const WEEKEND_RULE_KEYS = new Set(['05-04', '11-18', 'song-festival']);

let holidaysApi: Holidays | undefined;
function api(): Holidays {
  // Created on first use: loading the country data is the slow part.
  holidaysApi ??= new Holidays('LV');
  return holidaysApi;
}

interface RawHoliday {
  key: string;
  date: IsoDate;
  name: HolidayName;
  projected: boolean;
}

function lawHolidays(year: number): RawHoliday[] {
  const raw: RawHoliday[] = [];
  let easter: number | null = null;
  let englishNames: Map<string, string> | null = null;
  for (const h of api().getHolidays(year, 'lv')) {
    // Observances (e.g. their Mother's Day) are not days off; we add the law's Sundays below.
    // Their substitutes use "next Monday"; we apply the law's "next working day" ourselves.
    if (h.type !== 'public' || h.substitute) continue;
    const date = h.date.slice(0, 10);
    const key = h.rule.split(' and ')[0].trim();
    if (key === 'easter') easter = toDayNumber(date);
    let name = LAW_NAMES[key];
    if (!name) {
      // A rule this table does not know (a newer date-holidays): keep its own names.
      englishNames ??= new Map(
        api()
          .getHolidays(year, 'en')
          .map((e) => [e.rule, e.name]),
      );
      // No Russian names there: the English one stands in.
      const en = englishNames.get(h.rule) ?? h.name;
      name = { lv: h.name, en, ru: en };
    }
    raw.push({ key, date, name, projected: false });
  }
  for (const o of reference.oneOffHolidays) {
    if (!o.date.startsWith(`${year}-`)) continue;
    const name = { lv: o.lv, en: o.en, ru: o.ru ?? o.en };
    const existing = raw.find((r) => r.date === o.date);
    // date-holidays also has the hockey day, under a shorter name than the amendment's.
    if (existing) existing.name = name;
    else raw.push({ key: o.date, date: o.date, name, projected: false });
  }
  for (const f of reference.songFestivalClosingDays) {
    if (f.date.startsWith(`${year}-`)) {
      raw.push({
        key: 'song-festival',
        date: f.date,
        name: SONG_FESTIVAL,
        projected: !f.verified,
      });
    }
  }
  // Sunday holidays of the law that date-holidays lacks or types as observance.
  const may1 = dayNumberOf(year, 5, 1);
  const firstSunday = may1 + ((7 - weekdayOfDayNumber(may1)) % 7);
  raw.push({
    key: 'mothers-day',
    date: fromDayNumber(firstSunday + 7),
    name: MOTHERS_DAY,
    projected: false,
  });
  if (easter !== null) {
    raw.push({
      key: 'pentecost',
      date: fromDayNumber(easter + 49),
      name: PENTECOST,
      projected: false,
    });
  }
  return raw;
}

function computePublicHolidays(year: number): readonly PublicHoliday[] {
  const raw = lawHolidays(year);
  const taken = new Set(raw.map((r) => r.date));
  const result: PublicHoliday[] = raw.map((r) => ({
    date: r.date,
    name: r.name,
    substituteFor: null,
    projected: r.projected,
  }));
  for (const r of raw) {
    const n = toDayNumber(r.date);
    if (!WEEKEND_RULE_KEYS.has(r.key) || weekdayOfDayNumber(n) < 6) continue;
    // "Nākamo darbdienu nosaka par brīvdienu": skip the weekend and any holiday already off.
    let off = n + 1;
    while (weekdayOfDayNumber(off) >= 6 || taken.has(fromDayNumber(off))) off++;
    const date = fromDayNumber(off);
    taken.add(date);
    result.push({
      date,
      name: r.name,
      substituteFor: r.date,
      projected: r.projected,
    });
  }
  result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // Frozen: the lists are cached and shared by every caller.
  return Object.freeze(
    result.map((h) => Object.freeze({ ...h, name: Object.freeze({ ...h.name }) })),
  );
}

interface YearHolidays {
  list: readonly PublicHoliday[];
  byDate: Map<IsoDate, readonly PublicHoliday[]>;
}

const holidayCache = new Map<number, YearHolidays>();

export function yearHolidays(year: number): YearHolidays {
  let cached = holidayCache.get(year);
  if (!cached) {
    checkYear(year);
    const list = computePublicHolidays(year);
    const byDate = new Map<IsoDate, PublicHoliday[]>();
    for (const h of list) {
      const same = byDate.get(h.date);
      if (same) same.push(h);
      else byDate.set(h.date, [h]);
    }
    cached = { list, byDate };
    holidayCache.set(year, cached);
  }
  return cached;
}

/**
 * Latvian public holidays (svētku dienas) of a year, sorted, including weekend ones and the
 * weekday given off for 4 May, 18 November or the Song Festival closing day on a weekend.
 */
export function publicHolidays(year: number): readonly PublicHoliday[] {
  return yearHolidays(year).list;
}

/** The holidays on one date (usually none or one). */
export function holidaysOn(date: IsoDate): readonly PublicHoliday[] {
  toDayNumber(date);
  return yearHolidays(Number(date.slice(0, 4))).byDate.get(date) ?? [];
}
