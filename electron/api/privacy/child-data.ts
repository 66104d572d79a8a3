import type { EntityManager } from 'typeorm';
import type { AuditRow } from '../../../common/contract/audit';
import { formatPersonalCode } from '../../../common/personal-code';
import { Institution } from '../../../database/entities';
import { markChanges as assessmentStory } from '../assessment/changes';
import { childEvents } from '../audit/query';
import { renderEvents } from '../audit/render';
import type { Context } from '../context';
import { marks as placeholders } from '../lists';
import { groupLabels } from '../people/shared';
import { userNames } from '../users/names';
import { messagesToGuardians, type GuardianMessage } from './outbox-mail';

/**
 * Everything the register holds about one child (issue 16, a child's data on request): each
 * kind read with one query, names of staff and groups looked up once. The JSON file is this
 * object; the PDF lays it out for people.
 */
export interface ChildData {
  generatedAt: string;
  institution: { name: string; regNo: string; address: string };
  child: {
    id: number;
    firstName: string;
    lastName: string;
    personalCode: string;
    birthDate: string;
    createdAt: string;
    anonymisedAt: string | null;
  };
  guardians: {
    firstName: string;
    lastName: string;
    relation: string;
    phone: string | null;
    email: string | null;
    consents: string[];
  }[];
  enrolments: { group: string; fromDate: string; toDate: string | null }[];
  /** Absences only: a day of an enrolment not listed here was a day present. */
  attendance: { date: string; code: string; group: string; corrected: boolean }[];
  attendanceHistory: {
    date: string;
    before: string | null;
    after: string | null;
    by: string;
    as: string;
    onBehalfOf: string | null;
    reason: string | null;
    at: string;
  }[];
  marks: {
    topic: string;
    startDate: string;
    endDate: string;
    area: string;
    mark: string | null;
    reason: string | null;
    late: boolean;
  }[];
  markHistory: {
    topic: string;
    area: string;
    before: string;
    after: string;
    by: string;
    at: string;
  }[];
  individualWork: {
    date: string;
    kind: string;
    content: string;
    minutes: number | null;
    by: string;
  }[];
  talks: {
    date: string;
    subject: string;
    content: string;
    agreed: string;
    guardians: string[];
    by: string;
  }[];
  applications: {
    receivedOn: string;
    parentName: string;
    parentPhone: string;
    status: string;
    connectedOn: string | null;
    refusalReason: string | null;
  }[];
  /** Filled by the mail domain (mail-hook.ts); empty until it lands. */
  messages: GuardianMessage[];
  auditEvents: AuditRow[];
}

type Row = Record<string, unknown>;
const q = <T = Row>(m: EntityManager, sql: string, params: unknown[]) => m.query<T[]>(sql, params);

export async function gatherChildData(ctx: Context, childId: number): Promise<ChildData> {
  const m = ctx.db.manager;
  const institution = await m.findOneByOrFail(Institution, { id: 1 });
  const [child] = await q<ChildData['child'] & { personalCode: string }>(
    m,
    'SELECT id, first_name AS "firstName", last_name AS "lastName", personal_code AS "personalCode", ' +
      'birth_date AS "birthDate", created_at AS "createdAt", anonymised_at AS "anonymisedAt" ' +
      'FROM child WHERE id = ?',
    [childId],
  );
  const labels = await groupLabels(m);
  const label = (id: unknown) => labels.get(Number(id)) ?? '';
  const guardians = await q<ChildData['guardians'][number] & { id: number; consents: string }>(
    m,
    'SELECT g.id, g.first_name AS "firstName", g.last_name AS "lastName", l.relation, g.phone, g.email, ' +
      'g.consents FROM child_guardian l JOIN guardian g ON g.id = l.guardian_id WHERE l.child_id = ? ' +
      'ORDER BY g.last_name, g.first_name, g.id',
    [childId],
  );
  const enrolments = await q(
    m,
    'SELECT group_id AS g, from_date AS f, to_date AS t FROM enrolment WHERE child_id = ? ORDER BY from_date',
    [childId],
  );
  const marks = await q(
    m,
    'SELECT date, code, group_id AS g, corrected FROM attendance_mark WHERE child_id = ? ORDER BY date',
    [childId],
  );
  const markChanges = await q(
    m,
    'SELECT date, old_code AS b, new_code AS a, actor_id AS u, acted_as AS r, on_behalf_of AS o, ' +
      'reason, at FROM attendance_mark_history WHERE child_id = ? ORDER BY at, id',
    [childId],
  );
  const assessments = await q(
    m,
    'SELECT t.title, t.start_date AS s, t.end_date AS e, a.area, a.mark, a.reason, a.late ' +
      'FROM assessment a JOIN topic t ON t.id = a.topic_id WHERE a.child_id = ? ORDER BY t.start_date, a.area',
    [childId],
  );
  // The superseded values and each cell's current one, as every change (assessment/changes.ts).
  const cellChanges = await assessmentStory(m, { childId });
  const topicIds = [...new Set(cellChanges.map((c) => c.topicId))];
  const titles = new Map(
    (topicIds.length
      ? await q(
          m,
          `SELECT id, title FROM topic WHERE id IN (${placeholders(topicIds.length)})`,
          topicIds,
        )
      : []
    ).map((t) => [Number(t.id), t.title]),
  );
  const assessmentChanges = cellChanges.map((c) => ({
    title: titles.get(c.topicId),
    area: c.area,
    b: c.before,
    a: c.after,
    u: c.userId,
    at: c.at,
  }));
  const entries = await q(
    m,
    'SELECT e.date, e.kind, e.content, e.duration_minutes AS d, e.author_id AS u FROM individual_work_entry e ' +
      'JOIN individual_work_child k ON k.entry_id = e.id WHERE k.child_id = ? ORDER BY e.date, e.id',
    [childId],
  );
  const talks = await q(
    m,
    'SELECT id, date, subject, content, agreed, author_id AS u FROM parent_talk WHERE child_id = ? ORDER BY date, id',
    [childId],
  );
  const talkGuardians = await q(
    m,
    "SELECT t.talk_id AS talk, g.first_name || ' ' || g.last_name AS name FROM parent_talk_guardian t " +
      'JOIN guardian g ON g.id = t.guardian_id WHERE t.talk_id IN (SELECT id FROM parent_talk WHERE child_id = ?)',
    [childId],
  );
  const applications = await q<ChildData['applications'][number]>(
    m,
    'SELECT received_on AS "receivedOn", parent_name AS "parentName", parent_phone AS "parentPhone", status, ' +
      'connected_on AS "connectedOn", refusal_reason AS "refusalReason" FROM parent_application WHERE child_id = ? ORDER BY received_on',
    [childId],
  );
  const staff = await userNames(m, [
    ...[...markChanges, ...assessmentChanges, ...entries, ...talks].map((r) => Number(r.u)),
    ...markChanges.map((r) => (r.o === null ? null : Number(r.o))),
  ]);
  const name = (id: unknown) => (id === null ? null : (staff.get(Number(id)) ?? `#${Number(id)}`));
  const text = (v: unknown) =>
    typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
  return {
    generatedAt: ctx.now().toISOString(),
    institution: { name: institution.name, regNo: institution.regNo, address: institution.address },
    child: {
      ...child,
      personalCode: child.anonymisedAt
        ? child.personalCode
        : formatPersonalCode(child.personalCode),
    },
    guardians: guardians.map(({ id: _id, consents, ...g }) => ({
      ...g,
      consents: JSON.parse(consents || '[]') as string[],
    })),
    enrolments: enrolments.map((e) => ({
      group: label(e.g),
      fromDate: String(e.f),
      toDate: text(e.t),
    })),
    attendance: marks.map((r) => ({
      date: String(r.date),
      code: String(r.code),
      group: label(r.g),
      corrected: Boolean(r.corrected),
    })),
    attendanceHistory: markChanges.map((r) => ({
      date: String(r.date),
      before: text(r.b),
      after: text(r.a),
      by: name(r.u) ?? '',
      as: String(r.r),
      onBehalfOf: name(r.o),
      reason: text(r.reason),
      at: String(r.at),
    })),
    marks: assessments.map((r) => ({
      topic: String(r.title),
      startDate: String(r.s),
      endDate: String(r.e),
      area: String(r.area),
      mark: text(r.mark),
      reason: text(r.reason),
      late: Boolean(r.late),
    })),
    markHistory: assessmentChanges.map((r) => ({
      topic: String(r.title),
      area: String(r.area),
      before: String(r.b),
      after: String(r.a),
      by: name(r.u) ?? '',
      at: String(r.at),
    })),
    individualWork: entries.map((r) => ({
      date: String(r.date),
      kind: String(r.kind),
      content: String(r.content),
      minutes: r.d === null ? null : Number(r.d),
      by: name(r.u) ?? '',
    })),
    talks: talks.map((r) => ({
      date: String(r.date),
      subject: String(r.subject),
      content: String(r.content),
      agreed: String(r.agreed),
      guardians: talkGuardians.filter((g) => g.talk === r.id).map((g) => String(g.name)),
      by: name(r.u) ?? '',
    })),
    applications,
    messages: await messagesToGuardians(
      m,
      childId,
      guardians.map((g) => g.id),
    ),
    auditEvents: await renderEvents(m, await childEvents(m, childId), ctx.state.locale, childId),
  };
}
