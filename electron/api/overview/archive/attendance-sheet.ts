import type { Content, TableCell } from 'pdfmake/interfaces';
import type { AttendanceMonth } from '../../../../common/contract/attendance';
import { monthTitle } from '../../../../common/dates';

/**
 * A month's attendance sheet as the archive prints it: every child, every working day, the
 * totals (Apm., NS, NC, N) and the day totals, on one A4 landscape page (small type, fixed day
 * columns, so a 23-day month with 30 children still fits).
 */
const LEGEND =
  '+ — ieradās; NS — slimības dēļ (ārsta zīme); NC — cits attaisnots iemesls; ' +
  'N — neattaisnots kavējums';

/** `newPage`: the month starts a landscape page (all but the first, which follows its section). */
export function attendanceSheet(grid: AttendanceMonth, newPage: boolean): Content[] {
  const days = grid.days.filter((d) => d.working && !d.future);
  const centred = (text: string, bold = false): TableCell => ({ text, bold, alignment: 'center' });
  const header: TableCell[] = [
    { text: 'Bērns', bold: true },
    ...days.map((d) => centred(d.date.slice(8, 10), true)),
    centred('Apm.', true),
    centred('NS', true),
    centred('NC', true),
    centred('N', true),
  ];
  const body: TableCell[][] = grid.children.map((c) => [
    { text: `${c.lastName} ${c.firstName}` },
    ...days.map((d) => centred(d.date < c.from || d.date > c.to ? '' : (c.codes[d.date] ?? '+'))),
    centred(String(c.totals.present)),
    centred(String(c.totals.NS)),
    centred(String(c.totals.NC)),
    centred(String(c.totals.N)),
  ]);
  const footer: TableCell[] = [
    { text: 'Kopā', bold: true },
    ...days.map((d) => centred(String(grid.dayTotals[d.date]?.present ?? ''), true)),
    centred(String(grid.totals.present), true),
    centred(String(grid.totals.NS), true),
    centred(String(grid.totals.NC), true),
    centred(String(grid.totals.N), true),
  ];
  const table: Content =
    grid.children.length === 0
      ? { text: 'Šajā mēnesī grupā nebija bērnu.', italics: true }
      : {
          table: {
            headerRows: 1,
            widths: [100, ...days.map(() => '*'), 20, 16, 16, 16],
            body: [header, ...body, footer],
          },
          fontSize: 6.5,
        };
  return [
    {
      text: monthTitle(grid.month),
      style: 'h2',
      tocItem: true,
      tocMargin: [14, 0, 0, 0],
      ...(newPage ? { pageBreak: 'before' as const, pageOrientation: 'landscape' as const } : {}),
    },
    table,
    { text: LEGEND, fontSize: 7, margin: [0, 4, 0, 0] },
  ];
}
