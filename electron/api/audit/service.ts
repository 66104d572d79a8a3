import ExcelJS from 'exceljs';
import type { ParsedInput } from '../../../common/contract';
import { auditActionLabel } from '../../../common/audit-actions';
import type { FileDownload } from '../../../common/contract/applications';
import {
  AUDIT_EXPORT_MAX,
  type AuditFilter,
  type AuditOptions,
  type AuditPage,
} from '../../../common/contract/audit';
import { dmy } from '../../../common/dates';
import type { Locale } from '../../../common/locale';
import { message } from '../../../common/messages';
import { compareLv } from '../../../common/text';
import { rigaDate } from '../clock';
import { rigaTime } from '../attendance/riga-time';
import type { Context } from '../context';
import { audit } from './audit';
import { countEvents, eventPage } from './query';
import { renderEvents } from './render';

/** The head's audit viewer: filtered, paged in SQL, the total counted in SQL. */

export async function list(ctx: Context, input: ParsedInput<'audit.list'>): Promise<AuditPage> {
  const m = ctx.db.manager;
  const { offset, limit, ...filter } = input;
  const total = await countEvents(m, filter);
  const rows = await eventPage(m, filter, offset, limit);
  return { total, rows: await renderEvents(m, rows, ctx.state.locale) };
}

/** Every account (also closed ones: they stay the authors) and every group, for the filters. */
export async function options(ctx: Context): Promise<AuditOptions> {
  const m = ctx.db.manager;
  const users = await m.query<{ id: number; name: string }[]>(
    'SELECT id, full_name AS name FROM "user"',
  );
  const groups = await m.query<{ id: number; label: string; year: number }[]>(
    "SELECT id, CASE WHEN number IS NULL THEN name ELSE number || '. grupa «' || name || '»' END " +
      'AS label, school_year AS year FROM "group" ORDER BY school_year DESC, number, name',
  );
  return {
    users: users.sort((a, b) => compareLv(a.name, b.name)),
    groups: groups.map((g) => ({ id: g.id, label: `${g.label} (${g.year}/${g.year + 1})` })),
  };
}

const when = (at: string) => `${dmy(rigaDate(new Date(at)))} ${rigaTime(new Date(at))}`;

function headers(locale: Locale): string[] {
  return ['time', 'user', 'onBehalfOf', 'action', 'subject', 'changes'].map((k) =>
    message(locale, `audit.column.${k}`),
  );
}

/**
 * The filtered events as an XLSX for an inspector, newest first, rendered a thousand at a time.
 * The export is itself recorded (who took the log out, for which period, how many events).
 */
export async function exportXlsx(ctx: Context, filter: AuditFilter): Promise<FileDownload> {
  const m = ctx.db.manager;
  const locale = ctx.state.locale;
  const total = Math.min(await countEvents(m, filter), AUDIT_EXPORT_MAX);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(message(locale, 'audit.sheet'));
  sheet.addRow(headers(locale)).font = { bold: true };
  for (let offset = 0; offset < total; offset += 1000) {
    const rows = await eventPage(m, filter, offset, Math.min(1000, total - offset));
    for (const row of await renderEvents(m, rows, locale)) {
      sheet.addRow([
        when(row.at),
        row.actorName,
        row.onBehalfOfName ?? '',
        auditActionLabel(row.action, locale),
        row.subject,
        row.changes.map((c) => `${c.field}: ${c.before} → ${c.after}`).join('\n'),
      ]);
    }
  }
  sheet.columns.forEach((column, i) => {
    column.width = [18, 24, 24, 30, 32, 80][i];
  });
  sheet.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  await ctx.db.transaction((t) =>
    audit(t, ctx.now(), {
      action: 'audit.log.export',
      actorId: ctx.user.id,
      groupId: filter.groupId ?? null,
      childIds: filter.childId === undefined ? [] : [filter.childId],
      after: { ...filter, events: total },
    }),
  );
  return {
    fileName: `notikumu-zurnals-${filter.from}-${filter.to}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: buffer.toString('base64'),
  };
}
