import { describe, expect, it } from 'vitest';
import { AuditEvent } from '../../database/entities';
import { Child } from '../../database/entities/people';
import { GROUP, registerWithStaff } from './people-helpers';

describe('groups and children', () => {
  it('creates a group, assigns a teacher, enrols a child and refuses bad codes', async () => {
    const { b, ids, as } = await registerWithStaff();
    await as('deputy');
    const group = await b.ok('groups.create', GROUP);
    expect(group.id).toBeGreaterThan(0);
    expect(group.label).toBe('3. grupa «Zīlītes»');
    await b.ok('groups.assignTeacher', {
      groupId: group.id,
      userId: ids.teacher,
      fromDate: '2026-09-01',
    });
    const bad = await b.fail('children.create', {
      firstName: 'Jānis',
      lastName: 'Bērziņš',
      personalCode: '120785-12348',
      groupId: group.id,
      fromDate: '2026-09-01',
    });
    expect(bad).toMatchObject({
      code: 'VALIDATION',
      fields: { personalCode: 'Personas koda kontrolcipars nav pareizs.' },
    });
    expect(await b.router.state.db.getRepository(Child).count()).toBe(0);
    const child = await b.ok('children.create', {
      firstName: 'Jānis',
      lastName: 'Bērziņš',
      personalCode: '12078512347',
      groupId: group.id,
      fromDate: '2026-09-01',
    });
    expect(child).toMatchObject({ personalCode: '120785-*****', birthDate: '1985-07-12' });
    const dup = await b.fail('children.create', {
      firstName: 'Cits',
      lastName: 'Bērns',
      personalCode: '120785-12347',
      groupId: group.id,
      fromDate: '2026-09-01',
    });
    expect(dup.fields).toEqual({ personalCode: 'Bērns ar šādu personas kodu jau ir reģistrā.' });
    const newFormat = await b.fail('children.create', {
      firstName: 'Līva',
      lastName: 'Ābele',
      personalCode: '321234-56785',
      groupId: group.id,
      fromDate: '2026-09-01',
    });
    expect(newFormat.fields).toEqual({
      birthDate: 'Jaunā formāta personas kodam jānorāda dzimšanas datums.',
    });
    await b.ok('children.create', {
      firstName: 'Līva',
      lastName: 'Ābele',
      personalCode: '321234-56785',
      birthDate: '2022-03-04',
      groupId: group.id,
      fromDate: '2026-09-01',
    });
    b.clock.set(new Date('2026-10-01T08:00:00Z'));
    const found = await b.ok('children.list', { search: 'berzins' });
    expect(found.map((c) => c.lastName)).toEqual(['Bērziņš']);
    const all = await b.ok('children.list', {});
    expect(all.map((c) => c.lastName)).toEqual(['Ābele', 'Bērziņš']);
    const revealed = await b.ok('children.revealCode', { id: child.id });
    expect(revealed.personalCode).toBe('120785-12347');
    const events = await b.router.state.db
      .getRepository(AuditEvent)
      .findBy({ action: 'people.child.revealCode' });
    expect(events).toHaveLength(1);
  });
});

describe('moves, leaving, parents, applications and settings', () => {
  it('keeps the group history, connects a parent and marks overdue applications', async () => {
    const { b, as } = await registerWithStaff();
    await as('deputy');
    const three = await b.ok('groups.create', GROUP);
    const four = await b.ok('groups.create', { ...GROUP, number: 4, name: 'Vāverītes' });
    const child = await b.ok('children.create', {
      firstName: 'Jānis',
      lastName: 'Bērziņš',
      personalCode: '120785-12347',
      groupId: three.id,
      fromDate: '2026-09-01',
    });
    const moved = await b.ok('children.move', {
      childId: child.id,
      groupId: four.id,
      fromDate: '2026-11-02',
    });
    expect(moved.enrolments.map((e) => [e.groupLabel, e.fromDate, e.toDate])).toEqual([
      ['3. grupa «Zīlītes»', '2026-09-01', '2026-11-01'],
      ['4. grupa «Vāverītes»', '2026-11-02', null],
    ]);
    const left = await b.ok('children.leave', { childId: child.id, toDate: '2027-05-31' });
    expect(left.enrolments[1].toDate).toBe('2027-05-31');

    const phone = await b.fail('guardians.create', {
      childId: child.id,
      firstName: 'Ieva',
      lastName: 'Bērziņa',
      phone: '123',
      relation: 'mother',
    });
    expect(phone.fields).toEqual({
      phone: 'Tālrunis: 8 cipari (Latvijā) vai starptautisks numurs ar + sākumā.',
    });

    const app = await b.ok('applications.create', {
      receivedOn: '2026-11-20',
      parentName: 'Ivars Bērziņš',
      parentPhone: '29998888',
      childId: child.id,
    });
    expect(app).toMatchObject({ dueOn: '2026-11-27', overdue: true, status: 'received' });
    const early = await b.fail('applications.connect', {
      id: app.id,
      connectedOn: '2026-11-19',
      relation: 'father',
    });
    expect(early.fields).toEqual({
      connectedOn: 'Pieslēgšanas datums nevar būt pirms saņemšanas datuma.',
    });
    const connected = await b.ok('applications.connect', {
      id: app.id,
      connectedOn: '2026-11-30',
      relation: 'father',
    });
    expect(connected).toMatchObject({ status: 'connected', overdue: false });
    const detail = await b.ok('children.get', { id: child.id });
    expect(detail.guardians).toMatchObject([
      { firstName: 'Ivars', lastName: 'Bērziņš', relation: 'father', phone: '29998888' },
    ]);
    expect((await b.fail('applications.refuse', { id: app.id, reason: 'x' })).code).toBe(
      'CONFLICT',
    );

    await as('head');
    const settings = await b.ok('settings.get', {});
    expect(settings).toMatchObject({
      attendanceDeadline: '09:00',
      idleMinutes: 10,
      schoolYearStart: '09-01',
      schoolYearEnd: '08-31',
    });
    const bad = await b.fail('settings.update', { ...settings, attendanceDeadline: '9.00' });
    expect(bad.fields).toMatchObject({ attendanceDeadline: 'Laiks jāievada formātā hh:mm.' });
    const { schoolYearEnd: _ignored, ...input } = settings;
    void _ignored;
    const saved = await b.ok('settings.update', { ...input, attendanceDeadline: '08:30' });
    expect(saved.attendanceDeadline).toBe('08:30');
  });
});
