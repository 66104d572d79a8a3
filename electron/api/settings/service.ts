import type { ParsedInput } from '../../../common/contract';
import { dayBefore, type InstitutionSettings } from '../../../common/contract/settings';
import { Institution } from '../../../database/entities';
import { audit, changedFields } from '../audit/audit';
import type { Context } from '../context';

/** The institution's settings (one row): name, deadlines, idle logout, the school year. */

function settingsOf(i: Institution): InstitutionSettings {
  return {
    name: i.name,
    regNo: i.regNo,
    address: i.address,
    attendanceDeadline: i.attendanceDeadline,
    idleMinutes: i.idleMinutes,
    schoolYearStart: i.schoolYearStart,
    schoolYearEnd: dayBefore(i.schoolYearStart),
  };
}

export async function get(ctx: Context): Promise<InstitutionSettings> {
  return settingsOf(await ctx.db.getRepository(Institution).findOneByOrFail({ id: 1 }));
}

export function update(
  ctx: Context,
  input: ParsedInput<'settings.update'>,
): Promise<InstitutionSettings> {
  return ctx.db.transaction(async (m) => {
    const institution = await m.findOneByOrFail(Institution, { id: 1 });
    const before = settingsOf(institution);
    Object.assign(institution, input);
    await m.save(institution);
    const after = settingsOf(institution);
    await audit(m, ctx.now(), {
      action: 'settings.institution.update',
      actorId: ctx.user.id,
      entity: 'institution',
      entityId: 1,
      ...changedFields(before, after),
    });
    return after;
  });
}
