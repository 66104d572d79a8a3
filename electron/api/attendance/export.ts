import ExcelJS from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ParsedInput } from '../../../common/contract';
import type { AttendanceMonth, ExportedFile } from '../../../common/contract/attendance';
import { monthTitle } from '../../../common/dates';
import type { Context } from '../context';
import { renderPdf } from '../pdf';
import { monthGrid } from './month';

const HEAD = {
  title: 'Apmeklējuma uzskaites lapa',
  child: 'Bērns',
  present: 'Apmeklēja',
  total: 'Kopā',
  legend: 'NS — slimības dēļ (ārsta zīme); NC — cits attaisnots iemesls; N — neattaisnots kavējums',
  teacher: 'Grupas skolotāja: ____________________ (paraksts)',
  nurse: 'Iestādes māsa: ____________________ (paraksts)',
  head: 'Vadītāja: ____________________ (paraksts)',
};

function groupTitle(grid: AttendanceMonth): string {
  const g = grid.group;
  return g.number === null ? g.name : `${g.number}. grupa «${g.name}»`;
}

function fileBase(grid: AttendanceMonth): string {
  const name = grid.group.name.normalize('NFD').replace(/[^\w-]+/g, '');
  return `apmeklejums-${grid.month}-${grid.group.number ?? ''}${name}`;
}

/** One row per child: name, a cell per working day, totals; then the per-day totals. */
function rows(grid: AttendanceMonth): { header: string[]; body: string[][]; footer: string[] } {
  const days = grid.days.filter((d) => d.working);
  const header = [
    HEAD.child,
    ...days.map((d) => d.date.slice(8, 10)),
    HEAD.present,
    'NS',
    'NC',
    'N',
  ];
  const body = grid.children.map((c) => [
    // "Vārds Uzvārds" as everywhere; the rows stay in the class list's order, by surname.
    `${c.firstName} ${c.lastName}`,
    ...days.map((d) =>
      d.date < c.from || d.date > c.to || d.future ? '' : (c.codes[d.date] ?? '+'),
    ),
    String(c.totals.present),
    String(c.totals.NS),
    String(c.totals.NC),
    String(c.totals.N),
  ]);
  const footer = [
    HEAD.total,
    ...days.map((d) => (grid.dayTotals[d.date] ? String(grid.dayTotals[d.date].present) : '')),
    String(grid.totals.present),
    String(grid.totals.NS),
    String(grid.totals.NC),
    String(grid.totals.N),
  ];
  return { header, body, footer };
}

export async function monthPdf(grid: AttendanceMonth): Promise<ExportedFile> {
  const { header, body, footer } = rows(grid);
  const cell = (text: string, bold = false): TableCell => ({ text, bold, alignment: 'center' });
  const table: Content = {
    table: {
      headerRows: 1,
      widths: [110, ...header.slice(1).map(() => '*')],
      body: [
        header.map((h, i) => (i === 0 ? { text: h, bold: true } : cell(h, true))),
        ...body.map((r) => r.map((t, i) => (i === 0 ? { text: t } : cell(t)))),
        footer.map((t, i) => (i === 0 ? { text: t, bold: true } : cell(t, true))),
      ],
    },
    fontSize: 7,
  };
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [24, 28, 24, 28],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    content: [
      { text: grid.institution, bold: true, fontSize: 11 },
      { text: HEAD.title, bold: true, fontSize: 14, margin: [0, 4, 0, 2] },
      { text: `${groupTitle(grid)} — ${monthTitle(grid.month)}`, margin: [0, 0, 0, 8] },
      table,
      { text: HEAD.legend, fontSize: 7, margin: [0, 6, 0, 18] },
      {
        columns: [{ text: HEAD.teacher }, { text: HEAD.nurse }, { text: HEAD.head }],
        fontSize: 9,
      },
    ],
  };
  const buffer = await renderPdf(doc);
  return {
    fileName: `${fileBase(grid)}.pdf`,
    mimeType: 'application/pdf',
    base64: Buffer.from(buffer).toString('base64'),
  };
}

export async function monthXlsx(grid: AttendanceMonth): Promise<ExportedFile> {
  const { header, body, footer } = rows(grid);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(grid.month, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
  });
  sheet.addRow([grid.institution]).font = { bold: true };
  sheet.addRow([HEAD.title]).font = { bold: true, size: 14 };
  sheet.addRow([`${groupTitle(grid)} — ${monthTitle(grid.month)}`]);
  sheet.addRow([]);
  sheet.addRow(header).font = { bold: true };
  // Numbers stay numbers so that the accountant can sum them.
  const numeric = (r: string[]) => r.map((t, i) => (i >= r.length - 4 ? Number(t) : t));
  for (const r of body) sheet.addRow(numeric(r));
  sheet.addRow(footer.map((t, i) => (i === 0 || t === '' ? t : Number(t)))).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow([HEAD.legend]);
  sheet.addRow([HEAD.teacher]);
  sheet.addRow([HEAD.nurse]);
  sheet.addRow([HEAD.head]);
  sheet.getColumn(1).width = 28;
  for (let i = 2; i <= header.length; i++) {
    sheet.getColumn(i).width = i > header.length - 4 ? 10 : 4;
  }
  const buffer = await book.xlsx.writeBuffer();
  return {
    fileName: `${fileBase(grid)}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: Buffer.from(buffer).toString('base64'),
  };
}

/** A group's monthly sheet: the month grid (with its access check) as PDF or XLSX. */
export async function exportMonth(
  ctx: Context,
  input: ParsedInput<'attendance.export'>,
): Promise<ExportedFile> {
  const grid = await monthGrid(ctx, input.groupId, input.month);
  return input.format === 'pdf' ? monthPdf(grid) : monthXlsx(grid);
}
