import ExcelJS from 'exceljs';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { OverviewFile, ReportRow } from '../../../common/contract/overview';
import { dmy } from '../../../common/dates';
import type { Locale } from '../../../common/locale';
import { Institution } from '../../../database/entities';
import type { Context } from '../context';
import { renderPdf } from '../pdf';
import { buildReport } from './report';
import type { Judged } from './obligations';
import { dayOf, obligationName, outcomeName } from './words';
import { itemText } from '../../../common/deadlines';

/**
 * The supervision report as a file for the head's folder or an inspector: the counts, then every
 * late or missing item behind them. Worded in the user's language, as on her screen.
 */

const HEAD = {
  lv: {
    title: 'Uzraudzības pārskats',
    period: 'Periods',
    obligation: 'Pienākums',
    group: 'Grupa',
    people: 'Atbildīgie',
    items: 'Novēlotais un neizdarītais',
    due: 'Termiņš',
    done: 'Izdarīts',
    about: 'Kas',
    outcome: 'Stāvoklis',
    kindergarten: 'Iestāde',
  },
  en: {
    title: 'Supervision report',
    period: 'Period',
    obligation: 'Obligation',
    group: 'Group',
    people: 'Responsible',
    items: 'Late and not done',
    due: 'Due',
    done: 'Done',
    about: 'What',
    outcome: 'State',
    kindergarten: 'Kindergarten',
  },
  ru: {
    title: 'Отчёт о надзоре',
    period: 'Период',
    obligation: 'Обязанность',
    group: 'Группа',
    people: 'Ответственные',
    items: 'Просроченное и несделанное',
    due: 'Срок',
    done: 'Сделано',
    about: 'Что',
    outcome: 'Состояние',
    kindergarten: 'Учреждение',
  },
};

interface Sheet {
  title: string;
  period: string;
  counts: string[][];
  items: string[][];
}

async function sheet(ctx: Context, from: string, to: string): Promise<Sheet> {
  const locale: Locale = ctx.state.locale;
  const h = HEAD[locale];
  const { report, judgement } = await buildReport(ctx, from, to);
  const names = new Map(judgement.groups.map((g) => [g.id, g.name]));
  const outcomes = ['onTime', 'late', 'missing', 'pending'] as const;
  const counts = [
    [h.obligation, h.group, h.people, ...outcomes.map((o) => outcomeName(locale, o))],
    ...report.rows.map((r: ReportRow) => [
      obligationName(locale, r.obligation),
      r.groupName ?? h.kindergarten,
      r.people,
      ...outcomes.map((o) => String(r[o])),
    ]),
  ];
  const open = judgement.items
    .filter((i: Judged) => i.outcome === 'late' || i.outcome === 'missing')
    .sort((a, b) => a.deadline.date.localeCompare(b.deadline.date));
  const items = [
    [h.obligation, h.group, h.about, h.due, h.done, h.outcome],
    ...open.map((i) => [
      obligationName(locale, i.obligation),
      i.groupId === null ? '' : (names.get(i.groupId) ?? ''),
      itemText(locale, i),
      `${dmy(i.deadline.date)}${i.deadline.time ? ` ${i.deadline.time}` : ''}`,
      dayOf(i.doneAt),
      outcomeName(locale, i.outcome),
    ]),
  ];
  return { title: h.title, period: `${h.period}: ${dmy(from)}–${dmy(to)}`, counts, items };
}

/** A table with a header row; columns from `numbersFrom` on are centred counts. */
const table = (rows: string[][], widths: (string | number)[], numbersFrom = Infinity): Content => ({
  table: {
    headerRows: 1,
    widths,
    body: rows.map((r, i) =>
      r.map((text, c): TableCell => ({
        text,
        bold: i === 0,
        alignment: c >= numbersFrom ? 'center' : 'left',
      })),
    ),
  },
  layout: 'lightHorizontalLines',
  fontSize: 8,
});

export async function reportExport(
  ctx: Context,
  input: { from: string; to: string; format: 'pdf' | 'xlsx' },
): Promise<OverviewFile> {
  const institution = await ctx.db.manager.findOneByOrFail(Institution, { id: 1 });
  const s = await sheet(ctx, input.from, input.to);
  const base = `uzraudziba-${input.from}-${input.to}`;
  if (input.format === 'pdf') {
    const pdf = await renderPdf({
      pageSize: 'A4',
      pageOrientation: 'landscape',
      pageMargins: [28, 28, 28, 36],
      defaultStyle: { font: 'Roboto', fontSize: 9 },
      footer: (page, pages) => ({
        text: `${page} / ${pages}`,
        alignment: 'center',
        fontSize: 8,
      }),
      content: [
        { text: institution.name, fontSize: 10, color: '#555' },
        { text: s.title, fontSize: 16, bold: true, margin: [0, 4, 0, 2] },
        { text: s.period, margin: [0, 0, 0, 10] },
        table(s.counts, ['*', 90, '*', 45, 45, 55, 45], 3),
        { text: HEAD[ctx.state.locale].items, fontSize: 12, bold: true, margin: [0, 14, 0, 6] },
        table(s.items, [110, 80, '*', 70, 60, 60]),
      ],
      info: { title: `${s.title} ${input.from}–${input.to}` },
    });
    return { fileName: `${base}.pdf`, mimeType: 'application/pdf', base64: pdf.toString('base64') };
  }
  const book = new ExcelJS.Workbook();
  const add = (name: string, rows: string[][], numeric: boolean) => {
    const ws = book.addWorksheet(name);
    ws.addRow([institution.name]).font = { bold: true };
    ws.addRow([s.title, s.period]);
    ws.addRow([]);
    ws.addRow(rows[0]).font = { bold: true };
    // Counts stay numbers, so that the head can sum and chart them.
    for (const r of rows.slice(1)) {
      ws.addRow(numeric ? r.map((v, i) => (i >= 3 ? Number(v) : v)) : r);
    }
    ws.columns.forEach((c, i) => (c.width = i < 3 ? 32 : 14));
  };
  add(s.title.slice(0, 31), s.counts, true);
  add(HEAD[ctx.state.locale].items.slice(0, 31), s.items, false);
  const buffer = await book.xlsx.writeBuffer();
  return {
    fileName: `${base}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(buffer).toString('base64'),
  };
}
