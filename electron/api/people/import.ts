import type { ParsedInput } from '../../../common/contract';
import type { ImportPreview, ImportRow } from '../../../common/contract/applications';
import { parsePersonalCode } from '../../../common/personal-code';
import { personSearchName } from '../../../common/text';
import { Child, ChildGuardian, Enrolment, Guardian } from '../../../database/entities/people';
import { audit } from '../audit/audit';
import type { Context } from '../context';
import { readRows } from './import-file';
import { checkRows, type Checked } from './import-rows';

/**
 * Import of children with their parents from CSV or XLSX (docs/import.md): the preview says row
 * by row what would be imported; the confirmation reads and checks the file again and writes
 * every valid row in one transaction.
 */

function previewOf(checked: Checked): ImportPreview {
  const rows: ImportRow[] = checked.rows.map(
    ({ line, ok, reasons, firstName, lastName, personalCode, group, guardian }) => ({
      line,
      ok,
      reasons,
      firstName,
      lastName,
      personalCode,
      group,
      guardian,
    }),
  );
  const valid = rows.filter((r) => r.ok).length;
  return { rows, total: rows.length, valid, invalid: rows.length - valid };
}

/** What would be imported, row by row; writes nothing. */
export async function preview(
  ctx: Context,
  input: ParsedInput<'import.preview'>,
): Promise<ImportPreview> {
  const rows = await readRows(input.fileName, input.base64);
  return previewOf(await checkRows(ctx.db.manager, ctx, rows, input.fromDate ?? ctx.today()));
}

/** Checks the file again and writes every valid row, all in one transaction. */
export async function confirm(
  ctx: Context,
  input: ParsedInput<'import.confirm'>,
): Promise<{ imported: number; skipped: number }> {
  const rows = await readRows(input.fileName, input.base64);
  return ctx.db.transaction(async (m) => {
    const { rows: checked } = await checkRows(m, ctx, rows, input.fromDate ?? ctx.today());
    const guardians = new Map<string, Guardian>();
    const now = ctx.now().toISOString();
    let imported = 0;
    const importedIds: number[] = [];
    for (const row of checked) {
      if (!row.ok || !row.child) continue;
      const c = row.child;
      const parsed = parsePersonalCode(c.personalCode);
      if (!parsed.ok) continue; // cannot happen: checkRows refused it
      const code = parsed.code;
      const birthDate = parsed.birthDate ?? (c.birthDate as string);
      const child = await m.save(
        m.create(Child, {
          firstName: c.firstName,
          lastName: c.lastName,
          searchName: personSearchName(c.firstName, c.lastName),
          personalCode: code,
          birthDate,
          createdAt: now,
        }),
      );
      await m.insert(Enrolment, {
        childId: child.id,
        groupId: c.groupId,
        fromDate: c.fromDate,
        toDate: null,
      });
      if (row.guardianData) {
        const g = row.guardianData;
        // Siblings' rows name the same parent: one guardian, linked to each child.
        const key = `${personSearchName(g.firstName, g.lastName)}|${g.phone ?? ''}`;
        let guardian = guardians.get(key) ?? null;
        guardian ??= await m.findOneBy(Guardian, {
          searchName: personSearchName(g.firstName, g.lastName),
          ...(g.phone ? { phone: g.phone } : {}),
        });
        guardian ??= await m.save(
          m.create(Guardian, {
            firstName: g.firstName,
            lastName: g.lastName,
            searchName: personSearchName(g.firstName, g.lastName),
            phone: g.phone,
            email: g.email,
            consents: '[]',
          }),
        );
        guardians.set(key, guardian);
        await m.insert(ChildGuardian, {
          childId: child.id,
          guardianId: guardian.id,
          relation: g.relation,
        });
      }
      imported++;
      importedIds.push(child.id);
    }
    const skipped = checked.length - imported;
    await audit(m, ctx.now(), {
      action: 'people.import.confirm',
      actorId: ctx.user.id,
      entity: 'child',
      childIds: importedIds,
      after: { fileName: input.fileName, imported, skipped },
    });
    return { imported, skipped };
  });
}
