import type { ChildExport } from '../../../common/contract/privacy';
import { AppError } from '../../../common/errors';
import { Child } from '../../../database/entities/people';
import { audit } from '../audit/audit';
import type { Context } from '../context';
import { gatherChildData } from './child-data';
import { childPdf } from './child-pdf';

/**
 * A child's data on request: one PDF for people, one JSON file for machines, from the same
 * gathering. The files carry the full personal code, so giving them out is recorded like a
 * reveal. Their names carry the child's id, not the name: they leave the encrypted register.
 */
export async function childExport(ctx: Context, childId: number): Promise<ChildExport> {
  const m = ctx.db.manager;
  if (!(await m.existsBy(Child, { id: childId }))) {
    throw new AppError('NOT_FOUND', 'privacy.childNotFound');
  }
  await ctx.access().assertChild(m, 'privacy', 'read', childId, ctx.today());
  const data = await gatherChildData(ctx, childId);
  const pdf = await childPdf(data);
  const json = Buffer.from(JSON.stringify(data, null, 2), 'utf8');
  await ctx.db.transaction((t) =>
    audit(t, ctx.now(), {
      action: 'privacy.child.export',
      actorId: ctx.user.id,
      entity: 'child',
      entityId: childId,
      childIds: [childId],
      after: { pdfBytes: pdf.length, jsonBytes: json.length },
    }),
  );
  const base = `berna-dati-${childId}-${ctx.today()}`;
  return {
    pdf: { fileName: `${base}.pdf`, mimeType: 'application/pdf', base64: pdf.toString('base64') },
    json: {
      fileName: `${base}.json`,
      mimeType: 'application/json',
      base64: json.toString('base64'),
    },
  };
}
