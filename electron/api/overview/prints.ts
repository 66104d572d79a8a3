import type { EntityManager } from 'typeorm';
import type { RowDomain } from '../../../common/access-scope';
import type { Content } from 'pdfmake/interfaces';
import type { JournalPrint, OverviewFile } from '../../../common/contract/overview';
import type { CheckRow, DiaryRow } from '../../../common/contract/supervision';
import { dmy } from '../../../common/dates';
import { AppError } from '../../../common/errors';
import { Institution } from '../../../database/entities';
import { DiaryEntry, JournalCheck } from '../../../database/entities/supervision';
import type { Context } from '../context';
import * as entries from '../journals/entries';
import * as talks from '../journals/talks';
import { renderPdf } from '../pdf';
import { checkRows } from '../supervision/check-list';
import { diaryRows } from '../supervision/diary';
import {
  JOURNAL_TITLES,
  checksTable,
  diaryTable,
  entriesTable,
  talksTable,
} from './journal-tables';

/**
 * A journal printed for a period: what the user may read of it, as her screens show it (each
 * journal's own read scope decides; one that gives her no rows refuses the print).
 */

/** File names in the users' language, as the other exports (uzraudziba-…, arhivs-…). */
const FILE_NAMES: Record<JournalPrint, string> = {
  individualWork: 'individualais-darbs',
  talks: 'sarunas-ar-vecakiem',
  diary: 'dienasgramata',
  checks: 'zurnala-parbaudes',
};

/** The deputy's diary of a period, as far as she may read it. */
export async function diaryOf(
  m: EntityManager,
  ctx: Context,
  from: string,
  to: string,
): Promise<DiaryRow[]> {
  const found = await m
    .createQueryBuilder(DiaryEntry, 'e')
    .where('e.date >= :from AND e.date <= :to', { from, to })
    .getMany();
  return diaryRows(m, ctx, await ctx.access().filterRows(m, 'diary', 'read', found));
}

/**
 * The journal checks of a period in the groups whose checks she reads (as the checks screen:
 * a teacher reads the checks of the groups she works in today); one group's when asked.
 */
export async function checksOf(
  m: EntityManager,
  ctx: Context,
  from: string,
  to: string,
  groupId?: number,
): Promise<CheckRow[]> {
  const readable = await ctx.access().groups(m, 'journalChecks', 'read', ctx.today());
  const ids =
    groupId === undefined
      ? readable
      : readable === 'all' || readable.includes(groupId)
        ? [groupId]
        : [];
  if (ids !== 'all' && ids.length === 0) return [];
  const query = m
    .createQueryBuilder(JournalCheck, 'c')
    .where('c.date >= :from AND c.date <= :to', { from, to });
  if (ids !== 'all') query.andWhere('c.group_id IN (:...ids)', { ids });
  const found = await query.getMany();
  return checkRows(m, ctx, found);
}

/** The rows each print reads (common/access-scope.ts). */
const DOMAIN: Readonly<Record<JournalPrint, RowDomain>> = {
  individualWork: 'individualWork',
  talks: 'talks',
  diary: 'diary',
  checks: 'journalChecks',
};

async function table(ctx: Context, journal: JournalPrint, from: string, to: string) {
  const m = ctx.db.manager;
  switch (journal) {
    case 'individualWork':
      return entriesTable(await entries.inPeriod(ctx, from, to));
    case 'talks':
      return talksTable(await talks.inPeriod(ctx, from, to));
    case 'diary':
      return diaryTable(await diaryOf(m, ctx, from, to));
    case 'checks':
      return checksTable(await checksOf(m, ctx, from, to));
  }
}

export async function journalPrint(
  ctx: Context,
  input: { journal: JournalPrint; from: string; to: string },
): Promise<OverviewFile> {
  if (ctx.access().scope(DOMAIN[input.journal], 'read') === 'none') {
    throw new AppError('FORBIDDEN', 'overview.printNotAllowed');
  }
  const institution = await ctx.db.manager.findOneByOrFail(Institution, { id: 1 });
  const title = JOURNAL_TITLES[input.journal];
  const content: Content[] = [
    { text: institution.name, fontSize: 10, color: '#555' },
    { text: title, fontSize: 16, bold: true, margin: [0, 4, 0, 2] },
    { text: `${dmy(input.from)}–${dmy(input.to)}`, margin: [0, 0, 0, 10] },
    await table(ctx, input.journal, input.from, input.to),
  ];
  const pdf = await renderPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 28, 28, 36],
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    footer: (page, pages) => ({ text: `${page} / ${pages}`, alignment: 'center', fontSize: 8 }),
    content,
    info: { title: `${title} ${input.from}–${input.to}` },
  });
  return {
    fileName: `${FILE_NAMES[input.journal]}-${input.from}-${input.to}.pdf`,
    mimeType: 'application/pdf',
    base64: pdf.toString('base64'),
  };
}
