import { describe, expect, it } from 'vitest';
import { AuditEvent } from '../../database/entities';
import { attendanceFixture } from './attendance-fixtures';
import { topic } from './planning-fixtures';
import { TEMPORARY_PASSWORD } from './helpers';

/**
 * The rules' 3.11: the head or deputy records that teacher X substitutes for teacher Y in
 * group G; during the period X does what Y can, every entry reads "X (aizvieto kolēģi: Y)", and the
 * access ends by itself. The clock starts on Monday 30 November 2026, 08:30 in Riga.
 */
async function withSubstitute() {
  const f = await attendanceFixture();
  const liene = await f.b.ok('users.create', {
    username: 'liene',
    fullName: 'Liene Egle',
    role: 'teacher',
    temporaryPassword: TEMPORARY_PASSWORD,
  });
  return { ...f, liene: liene.id };
}

const at = (date: string, time = '08:00') => new Date(`${date}T${time}:00+02:00`);

describe('substitution', () => {
  it('gives the substitute the absent teacher’s group from the first day to the last, attributed to both', async () => {
    const f = await withSubstitute();
    const { b } = f;
    const [elza, janis] = f.children;
    await f.as('dace');
    const created = await b.ok('substitution.create', {
      groupId: f.zilites,
      absentId: f.users.anna,
      substituteId: f.liene,
      fromDate: '2026-12-01',
      toDate: '2026-12-02',
      note: 'Slimības lapa',
    });
    expect(created).toMatchObject({
      status: 'planned',
      group: { label: '3. grupa «Zīlītes»' },
      absent: { name: 'Anna Kalniņa' },
      substitute: { name: 'Liene Egle' },
    });

    // The day before: nothing yet.
    await f.as('liene');
    expect(await b.ok('attendance.groups', { date: '2026-11-30' })).toEqual([]);
    const early = await b.fail('attendance.save', {
      groupId: f.zilites,
      changes: [{ childId: elza, date: '2026-11-30', expected: null, code: 'N' }],
    });
    expect(early.code).toBe('FORBIDDEN');

    // The first day: the group, its attendance, its plan.
    b.clock.set(at('2026-12-01'));
    await f.as('liene');
    const groups = await b.ok('attendance.groups', { date: '2026-12-01' });
    expect(groups.map((g) => [g.name, g.canEdit])).toEqual([['Zīlītes', true]]);
    await b.ok('attendance.save', {
      groupId: f.zilites,
      changes: [
        { childId: elza, date: '2026-12-01', expected: null, code: 'NS' },
        // Anna could still correct her own Friday; so can her substitute.
        { childId: janis, date: '2026-11-27', expected: null, code: 'NC' },
      ],
    });
    const confirmed = await b.ok('attendance.confirm', { groupId: f.zilites, date: '2026-12-01' });
    expect(confirmed.byName).toBe('Liene Egle (aizvieto kolēģi: Anna Kalniņa)');
    const history = await b.ok('attendance.history', { childId: elza, date: '2026-12-01' });
    expect(history).toMatchObject([
      { byName: 'Liene Egle (aizvieto kolēģi: Anna Kalniņa)', as: 'substitute', newCode: 'NS' },
    ]);
    const day = await b.ok('attendance.day', { groupId: f.zilites, date: '2026-12-01' });
    expect(day.confirmation?.byName).toBe('Liene Egle (aizvieto kolēģi: Anna Kalniņa)');
    // Another group stays closed to her.
    const foreign = await b.fail('attendance.save', {
      groupId: f.cielavinas,
      changes: [{ childId: f.other, date: '2026-12-01', expected: null, code: 'N' }],
    });
    expect(foreign.code).toBe('FORBIDDEN');

    await b.ok('planning.saveTopic', {
      groupId: f.zilites,
      month: '2026-12',
      topic: topic('Ziemassvētku gaidīšana', '2026-12-01', '2026-12-18'),
    });
    const plan = await b.ok('planning.plan', { groupId: f.zilites, month: '2026-12' });
    await b.ok('planning.submit', { planId: plan.id! });
    const versions = await b.ok('planning.versions', { planId: plan.id! });
    expect(versions[0].byName).toBe('Liene Egle (aizvieto kolēģi: Anna Kalniņa)');

    // The audit carries both: who acted and on whose behalf.
    const events = await b.router.state.db
      .getRepository(AuditEvent)
      .findBy({ actorId: f.liene, onBehalfOfId: f.users.anna });
    expect(events.map((e) => e.action).sort()).toEqual([
      'attendance.day.confirm',
      'attendance.mark.save',
      'planning.plan.submit',
      'planning.topic.create',
    ]);

    // The last day still counts; the day after, the access is gone by itself.
    b.clock.set(at('2026-12-02', '17:00'));
    await f.as('liene');
    expect((await b.ok('attendance.groups', { date: '2026-12-02' })).length).toBe(1);
    b.clock.set(at('2026-12-03'));
    await f.as('liene');
    expect(await b.ok('attendance.groups', { date: '2026-12-03' })).toEqual([]);
    // Not even the days she covered stay open to her.
    const after = await b.fail('attendance.save', {
      groupId: f.zilites,
      changes: [{ childId: elza, date: '2026-12-01', expected: 'NS', code: null }],
    });
    expect(after.code).toBe('FORBIDDEN');
    expect((await b.fail('planning.plan', { groupId: f.zilites, month: '2026-12' })).code).toBe(
      'FORBIDDEN',
    );

    // Anna's own access never changed, and she sees what was entered while she was away.
    await f.as('anna');
    expect((await b.ok('attendance.groups', { date: '2026-12-03' })).map((g) => g.name)).toEqual([
      'Zīlītes',
    ]);
    const [mine] = await b.ok('substitution.list', {});
    expect(mine).toMatchObject({ status: 'ended', entryCount: 4 });
    const entries = await b.ok('substitution.entries', { id: mine.id });
    expect(entries.map((e) => [e.action, e.summary])).toEqual([
      ['Apmeklējuma atzīmes', 'izmaiņas: 2 (27.11.2026–01.12.2026)'],
      ['Apmeklējums apstiprināts', '01.12.2026'],
      ['Pievienots temats', 'Ziemassvētku gaidīšana'],
      ['Plāns iesniegts', ''],
    ]);
    expect(entries[0].byName).toBe('Liene Egle (aizvieto kolēģi: Anna Kalniņa)');
    // A colleague who had no part in it may not read them.
    await f.as('ieva');
    expect(await b.ok('substitution.list', {})).toEqual([]);
    expect((await b.fail('substitution.entries', { id: mine.id })).code).toBe('FORBIDDEN');
  });

  it('refuses an end before the start, self-substitution, an overlap and a wrong teacher, writing nothing', async () => {
    const f = await withSubstitute();
    const { b } = f;
    await f.as('dace');
    const base = {
      groupId: f.zilites,
      absentId: f.users.anna,
      substituteId: f.liene,
      fromDate: '2026-12-07',
      toDate: '2026-12-11',
    };
    await b.ok('substitution.create', base);
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { ...base, fromDate: '2026-12-15', toDate: '2026-12-14' },
        'toDate',
        'Beigu datums nevar būt pirms sākuma datuma.',
      ],
      [
        { ...base, substituteId: f.users.anna },
        'substituteId',
        'Skolotājs nevar aizvietot pats sevi.',
      ],
      [
        { ...base, substituteId: f.users.ieva, fromDate: '2026-12-10', toDate: '2026-12-14' },
        'fromDate',
        'Šim skolotājam šajā grupā jau ir aizvietotājs no 07.12.2026 līdz 11.12.2026 (Liene Egle).',
      ],
      [
        { ...base, substituteId: f.users.marta, fromDate: '2026-12-14', toDate: '2026-12-14' },
        'substituteId',
        'Aizvietotājam jābūt aktīvam grupas skolotājam.',
      ],
      [
        { ...base, absentId: f.users.ieva, fromDate: '2026-12-14', toDate: '2026-12-14' },
        'absentId',
        'Prombūtnē esošais skolotājs šajā laikā nestrādā izvēlētajā grupā.',
      ],
    ];
    for (const [input, field, text] of cases) {
      const error = await b.fail('substitution.create', input);
      expect({ code: error.code, text: error.fields?.[field] }).toEqual({
        code: 'VALIDATION',
        text,
      });
    }
    expect((await b.ok('substitution.list', {})).length).toBe(1);
    // A teacher cannot arrange her own substitute.
    await f.as('anna');
    expect((await b.fail('substitution.create', base)).code).toBe('FORBIDDEN');
  });

  it('ends early: a running substitution ends yesterday, a planned one is removed', async () => {
    const f = await withSubstitute();
    const { b } = f;
    await f.as('dace');
    const running = await b.ok('substitution.create', {
      groupId: f.zilites,
      absentId: f.users.anna,
      substituteId: f.liene,
      fromDate: '2026-11-27',
      toDate: '2026-12-04',
    });
    const planned = await b.ok('substitution.create', {
      groupId: f.cielavinas,
      absentId: f.users.ieva,
      substituteId: f.liene,
      fromDate: '2026-12-14',
      toDate: '2026-12-18',
    });
    await f.as('liene');
    expect((await b.ok('attendance.groups', { date: '2026-11-30' })).length).toBe(1);
    await f.as('dace');
    expect(await b.ok('substitution.end', { id: running.id })).toEqual({ removed: false });
    expect(await b.ok('substitution.end', { id: planned.id })).toEqual({ removed: true });
    const rows = await b.ok('substitution.list', {});
    expect(rows.map((r) => [r.toDate, r.status])).toEqual([['2026-11-29', 'ended']]);
    expect((await b.fail('substitution.end', { id: running.id })).message).toBe(
      'Šī aizvietošana jau ir beigusies.',
    );
    await f.as('liene');
    expect(await b.ok('attendance.groups', { date: '2026-11-30' })).toEqual([]);
  });
});
