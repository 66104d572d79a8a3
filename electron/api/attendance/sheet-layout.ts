/**
 * Column widths of the monthly attendance sheet, so that every working day and every total fits
 * A4 landscape. pdfmake's '*' columns never shrink below their text: with 21 working days the
 * last days and the totals ran off the right edge. Here every width is fixed from the page, and
 * the type gets smaller before anything is cut; a month that still would not fit is split into
 * parts of days, each a table of its own with the names and, in the last part, the totals.
 */

/** A4 landscape, in points. */
export const PAGE_WIDTH = 841.89;
export const PAGE_MARGIN = 24;
/** Cell padding left and right, and the width of a vertical rule, in points. */
export const CELL_PADDING = 2;
export const RULE = 0.5;
/** Font sizes tried, largest first; below the last the text is no longer readable on paper. */
const FONT_SIZES = [8, 7.5, 7, 6.5, 6, 5.5];
/**
 * The name column is never narrower than this many em (a long name wraps, it is not cut), and
 * not wider than the other: space beyond it goes to the day and total columns.
 */
const NAME_MIN_EM = 14;
const NAME_MAX_EM = 26;
/**
 * Roboto's widest characters in a cell ("NS", "NC", "30", "690", "Apm.") stay under 0.72 em
 * each; the widths below reserve that much per character.
 */
const EM_PER_CHAR = 0.72;
/** A day cell holds two characters ("NS", "30"); a total up to four ("Apm.", "690"). */
const DAY_CHARS = 2;
const TOTAL_CHARS = 4;
export const TOTAL_COLUMNS = 4;

export interface SheetLayout {
  fontSize: number;
  /** Working days per table; one part unless even the smallest type cannot hold the month. */
  parts: string[][];
  /** Widths of the name, each day and each total column (content, without padding). */
  name: number;
  day: number;
  total: number;
}

/** The width a table takes with these content widths, padding and rules included. */
export function tableWidth(widths: number[]): number {
  return widths.reduce((sum, w) => sum + w + 2 * CELL_PADDING, 0) + (widths.length + 1) * RULE;
}

function fits(days: number, fontSize: number, available: number): number | null {
  const day = DAY_CHARS * EM_PER_CHAR * fontSize;
  const total = TOTAL_CHARS * EM_PER_CHAR * fontSize;
  const fixed = tableWidth([
    0,
    ...Array<number>(days).fill(day),
    ...Array<number>(TOTAL_COLUMNS).fill(total),
  ]);
  const name = available - fixed;
  return name >= NAME_MIN_EM * fontSize ? name : null;
}

/** The layout for a month with these working days (ISO dates), on A4 landscape. */
export function sheetLayout(days: string[], available = PAGE_WIDTH - 2 * PAGE_MARGIN): SheetLayout {
  for (const fontSize of FONT_SIZES) {
    const room = fits(days.length, fontSize, available);
    if (room !== null) {
      const name = Math.min(room, NAME_MAX_EM * fontSize);
      const spare = (room - name) / (days.length + TOTAL_COLUMNS);
      return {
        fontSize,
        parts: [days],
        name,
        day: DAY_CHARS * EM_PER_CHAR * fontSize + spare,
        total: TOTAL_CHARS * EM_PER_CHAR * fontSize + spare,
      };
    }
  }
  // Too many days for one table even in the smallest type: halve until each part fits.
  const fontSize = FONT_SIZES[FONT_SIZES.length - 1];
  let count = 2;
  while (fits(Math.ceil(days.length / count), fontSize, available) === null) count++;
  const size = Math.ceil(days.length / count);
  const parts: string[][] = [];
  for (let i = 0; i < days.length; i += size) parts.push(days.slice(i, i + size));
  return {
    fontSize,
    parts,
    name: fits(size, fontSize, available)!,
    day: DAY_CHARS * EM_PER_CHAR * fontSize,
    total: TOTAL_CHARS * EM_PER_CHAR * fontSize,
  };
}
