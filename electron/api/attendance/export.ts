import ExcelJS from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ParsedInput } from '../../../common/contract';
import type { AttendanceMonth, ExportedFile } from '../../../common/contract/attendance';
import { monthTitle } from '../../../common/dates';
import type { Context } from '../context';
import { renderPdf } from '../pdf';
import { monthGrid } from './month';
import {
  CELL_PADDING,
  PAGE_MARGIN,
  RULE,
  sheetLayout,
  TOTAL_COLUMNS,
  type SheetLayout,
} from './sheet-layout';

const HEAD = {
  title: 'Apmeklējuma uzskaites lapa',
  child: 'Bērns',
  present: 'Apmeklēja',
  total: 'Kopā',
  legend:
    'Apm. — apmeklētās dienas; NS — slimības dēļ (ārsta zīme); NC — cits attaisnots iemesls; ' +
    'N — neattaisnots kavējums',
  teacher: 'Grupas skolotāja: ____________________ (paraksts)',
  nurse: 'Iestādes māsa: ____________________ (paraksts)',
  head: 'Vadītāja: ____________________ (paraksts)',
};

/** The totals' heads on paper: short, so that a month of 23 days keeps readable type. */
const SHEET_TOTALS = ['Apm.', 'NS', 'NC', 'N'];

function groupTitle(grid: AttendanceMonth): string {
  const g = grid.group;
  return g.number === null ? g.name : `${g.number}. grupa «${g.name}»`;
}

function fileBase(grid: AttendanceMonth): string {
  const name = grid.group.name.normalize('NFD').replace(/[^\w-]+/g, '');
  return `apmeklejums-${grid.month}-${grid.group.number ?? ''}${name}`;
}

/** One row per child: name, a cell per working day, totals; then the per-day totals. */
function rows(
  grid: AttendanceMonth,
  only?: string[],
): { header: string[]; body: string[][]; footer: string[] } {
  const days = grid.days.filter((d) => d.working && (!only || only.includes(d.date)));
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

/** The sheet's table for some of the month's working days; the totals go with the last part. */
function sheetTable(
  grid: AttendanceMonth,
  layout: SheetLayout,
  days: string[],
  withTotals: boolean,
): Content {
  const cell = (text: string, bold = false): TableCell => ({ text, bold, alignment: 'center' });
  const { header, body, footer } = rows(grid, days);
  // rows() ends every line with the four totals; a part without them drops those cells.
  const keep = (line: string[]) => (withTotals ? line : line.slice(0, 1 + days.length));
  const head = keep(header).map((h, i) =>
    i > days.length ? SHEET_TOTALS[i - days.length - 1] : h,
  );
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [
        layout.name,
        ...days.map(() => layout.day),
        ...(withTotals ? Array<number>(TOTAL_COLUMNS).fill(layout.total) : []),
      ],
      body: [
        head.map((h, i) => (i === 0 ? { text: h, bold: true } : cell(h, true))),
        ...body.map((r) => keep(r).map((t, i) => (i === 0 ? { text: t } : cell(t)))),
        keep(footer).map((t, i) => (i === 0 ? { text: t, bold: true } : cell(t, true))),
      ],
    },
    layout: {
      paddingLeft: () => CELL_PADDING,
      paddingRight: () => CELL_PADDING,
      paddingTop: () => 1,
      paddingBottom: () => 1,
      hLineWidth: () => RULE,
      vLineWidth: () => RULE,
    },
    fontSize: layout.fontSize,
    margin: [0, 0, 0, 4],
  };
}

export async function monthPdf(grid: AttendanceMonth): Promise<ExportedFile> {
  const layout = sheetLayout(grid.days.filter((d) => d.working).map((d) => d.date));
  // A month split into parts (more days than one table holds) starts each part on a new page.
  const tables = layout.parts.map((days, i) => ({
    stack: [sheetTable(grid, layout, days, i === layout.parts.length - 1)],
    pageBreak: i > 0 ? ('before' as const) : undefined,
  }));
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [PAGE_MARGIN, 28, PAGE_MARGIN, 28],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    content: [
      { text: grid.institution, bold: true, fontSize: 11 },
      { text: HEAD.title, bold: true, fontSize: 14, margin: [0, 4, 0, 2] },
      { text: `${groupTitle(grid)} — ${monthTitle(grid.month)}`, margin: [0, 0, 0, 8] },
      ...tables,
      { text: HEAD.legend, fontSize: 7, margin: [0, 2, 0, 18] },
      {
        columns: [{ text: HEAD.teacher }, { text: HEAD.nurse }, { text: HEAD.head }],
        fontSize: 9,
        unbreakable: true,
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
