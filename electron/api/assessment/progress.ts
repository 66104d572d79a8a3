import type { ParsedInput } from '../../../common/contract';
import type { ProgressData } from '../../../common/contract/assessment';
import { AppError } from '../../../common/errors';
import { AREA_CODES, MARKS, type AreaCode, type Mark } from '../../../common/planning-reference';
import { schoolYearBounds, schoolYearOf } from '../../../common/planning-rules';
import { Institution } from '../../../database/entities';
import { Child, Enrolment } from '../../../database/entities/people';
import type { Context } from '../context';
import { childName, mayRead } from '../planning/records';

/** A child's marks in the topics of one school year, in topic order. Exported for the bench. */
export const PROGRESS_SQL =
  'SELECT t.id AS "topicId", t.title, t.start_date AS "startDate", t.end_date AS "endDate", ' +
  'g.name AS "groupName", a.area, a.mark, a.reason ' +
  'FROM assessment a JOIN topic t ON t.id = a.topic_id JOIN plan p ON p.id = t.plan_id ' +
  'JOIN "group" g ON g.id = p.group_id ' +
  'WHERE a.child_id = ? AND t.start_date <= ? AND t.end_date >= ? ' +
  'ORDER BY t.start_date, t.id';

/** One child's marks over a school year, topic by topic. */
export async function progress(
  ctx: Context,
  input: ParsedInput<'assessment.progress'>,
): Promise<ProgressData> {
  const m = ctx.db.manager;
  const child = await m.findOneBy(Child, { id: input.childId });
  if (!child) throw new AppError('NOT_FOUND');
  const institution = await m.findOneByOrFail(Institution, { id: 1 });
  const schoolYear = input.schoolYear ?? schoolYearOf(ctx.today(), institution.schoolYearStart);
  const [from, to] = schoolYearBounds(schoolYear, institution.schoolYearStart);
  // A teacher sees the child while the child is in her group (today or during the year).
  const enrolments = await m.findBy(Enrolment, { childId: child.id });
  let allowed = false;
  for (const e of enrolments) {
    if (e.fromDate > to || (e.toDate !== null && e.toDate < from)) continue;
    if (await mayRead(m, ctx, 'assessment', e.groupId, e.fromDate > from ? e.fromDate : from, to)) {
      allowed = true;
      break;
    }
  }
  if (!allowed) await ctx.access().assertChild(m, 'assessment', 'read', child.id, ctx.today());
  // One indexed query for the year (idx_assessment_child), not a plan and a group per topic.
  const found = await m.query<
    {
      topicId: number;
      title: string;
      startDate: string;
      endDate: string;
      groupName: string;
      area: string;
      mark: string | null;
      reason: string | null;
    }[]
  >(PROGRESS_SQL, [child.id, to, from]);
  const rows: ProgressData['rows'] = [];
  const used = new Set<string>();
  for (const a of found) {
    let row = rows[rows.length - 1];
    if (row?.topicId !== a.topicId) {
      row = {
        topicId: a.topicId,
        title: a.title,
        groupName: a.groupName,
        startDate: a.startDate,
        endDate: a.endDate,
        marks: {},
      };
      rows.push(row);
    }
    const value = a.mark ?? (a.reason === 'excused' ? 'excused' : null);
    if (value && (MARKS as readonly string[]).concat('excused').includes(value)) {
      row.marks[a.area as AreaCode] = value as Mark | 'excused';
      used.add(a.area);
    }
  }
  return {
    childId: child.id,
    childName: childName(child),
    schoolYear,
    areas: AREA_CODES.filter((c) => used.has(c)),
    rows,
  };
}
