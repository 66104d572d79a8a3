import type { Content } from 'pdfmake/interfaces';
import { addMonths, dmy } from '../../../../common/dates';
import { monthGrid } from '../../attendance/month';
import type { Context } from '../../context';
import * as entries from '../../journals/entries';
import * as talks from '../../journals/talks';
import { covers, enrolmentsIn, teachersIn, type GroupFact, type Rules } from '../facts';
import { JOURNAL_TITLES, checksTable, entriesTable, talksTable } from '../journal-tables';
import { checksOf } from '../prints';
import { earlier, later } from '../obligations/judged';
import { attendanceSheet } from './attendance-sheet';
import { markSheets, planSection, plannedMonths, type PlannedMonth } from './plans-marks';

/**
 * One group's year-end archive as parts, each built by itself (a few queries) so that the job
 * can yield to the user's calls between them and name the part it is making: the title page with
 * the table of contents, the monthly attendance sheets, the plans, the marks, individual work,
 * talks with parents and the journal checks.
 */
export interface Part {
  /** Message key of the part's name (common/messages/overview.ts), with its parameters. */
  key: string;
  params: Record<string, string>;
  build: (ctx: Context) => Promise<Content[]>;
}

export const groupLabel = (g: GroupFact) =>
  g.number === null ? g.name : `${g.number}. grupa «${g.name}»`;

/** A section: its heading starts a page (in the orientation its tables need) and the contents. */
const section = (text: string, landscape = false): Content => ({
  text,
  style: 'h1',
  tocItem: true,
  pageBreak: 'before',
  pageOrientation: landscape ? 'landscape' : 'portrait',
});

export function groupParts(
  rules: Rules,
  group: GroupFact,
  period: { from: string; to: string; year: number },
  institution: string,
): Part[] {
  const from = later(period.from, group.activeFrom);
  const to = earlier(period.to, group.activeTo);
  const name = group.name;
  const months: string[] = [];
  for (let mo = from.slice(0, 7); mo <= to.slice(0, 7); mo = addMonths(mo, 1)) {
    if (`${mo}-01` <= rules.now.date) months.push(mo);
  }
  let planned: PlannedMonth[] = [];
  /** Whether a row about `childIds` on `date` concerns this group's children. */
  const ofGroup = async (ctx: Context) => {
    const spans = await enrolmentsIn(ctx.db.manager, [group.id], from, to);
    return (childIds: number[], date: string) =>
      spans.some((s) => childIds.includes(s.childId) && covers(s, date));
  };
  return [
    {
      key: 'overview.part.title',
      params: { group: name },
      build: async (ctx) => {
        const teachers = await teachersIn(ctx.db.manager, [group.id], from, to);
        const children = await enrolmentsIn(ctx.db.manager, [group.id], from, to);
        return [
          { text: institution, fontSize: 12, alignment: 'center', margin: [0, 60, 0, 0] },
          {
            text: 'Grupas žurnāls',
            fontSize: 28,
            bold: true,
            alignment: 'center',
            margin: [0, 120, 0, 8],
          },
          { text: groupLabel(group), fontSize: 20, alignment: 'center' },
          {
            text: `${period.year}./${period.year + 1}. mācību gads`,
            fontSize: 14,
            alignment: 'center',
            margin: [0, 8, 0, 40],
          },
          { text: `Periods: ${dmy(from)}–${dmy(to)}`, alignment: 'center' },
          {
            text: `Skolotājas: ${[...new Set(teachers.map((t) => t.name))].join(', ') || '—'}`,
            alignment: 'center',
          },
          {
            text: `Bērnu skaits: ${new Set(children.map((c) => c.childId)).size}`,
            alignment: 'center',
          },
          {
            text: `Sagatavots ${dmy(rules.now.date)}`,
            alignment: 'center',
            margin: [0, 40, 0, 0],
            color: '#555',
          },
          { toc: { title: { text: 'Saturs', style: 'h1' } }, pageBreak: 'before' },
        ];
      },
    },
    ...months.map((month, i): Part => ({
      key: 'overview.part.attendance',
      params: { group: name, month },
      build: async (ctx) => [
        ...(i === 0 ? [section('Apmeklējums', true)] : []),
        ...attendanceSheet(await monthGrid(ctx, group.id, month), i > 0),
      ],
    })),
    {
      key: 'overview.part.plans',
      params: { group: name },
      build: async (ctx) => {
        planned = await plannedMonths(ctx.db.manager, rules, group, from, to);
        return [
          section('Mēneša plāni'),
          ...(planned.length
            ? planned.flatMap((p) => planSection(rules, p))
            : [{ text: 'Plānu nav.', italics: true }]),
        ];
      },
    },
    {
      key: 'overview.part.marks',
      params: { group: name },
      build: async (ctx) => [
        section('Vērtējumi'),
        ...(await markSheets(ctx.db.manager, group, planned)),
      ],
    },
    {
      key: 'overview.part.individualWork',
      params: { group: name },
      build: async (ctx) => {
        const mine = await ofGroup(ctx);
        const rows = (await entries.inPeriod(ctx, from, to)).filter((e) =>
          mine(
            e.children.map((c) => c.id),
            e.date,
          ),
        );
        return [section(JOURNAL_TITLES.individualWork, true), entriesTable(rows)];
      },
    },
    {
      key: 'overview.part.talks',
      params: { group: name },
      build: async (ctx) => {
        const mine = await ofGroup(ctx);
        const rows = (await talks.inPeriod(ctx, from, to)).filter((t) => mine([t.childId], t.date));
        return [section(JOURNAL_TITLES.talks, true), talksTable(rows)];
      },
    },
    {
      key: 'overview.part.checks',
      params: { group: name },
      build: async (ctx) => [
        section(JOURNAL_TITLES.checks, true),
        checksTable(await checksOf(ctx.db.manager, ctx, from, to, group.id)),
      ],
    },
  ];
}
