import { describe, expect, it } from 'vitest';
import { AuditEvent } from '../../database/entities/audit-event';
import { ParentTalk } from '../../database/entities/journals';
import { Substitution } from '../../database/entities/substitution';
import { DECEMBER, TODAY, journalsFixture as fixture } from './journals-fixtures';

describe('talks with parents', () => {
  const talk = (childId: number, guardianIds: number[], date = TODAY) => ({
    date,
    childId,
    guardianIds,
    subject: 'behaviour' as const,
    content: 'Runājām par to, kā Elza dalās ar rotaļlietām.',
    agreed: 'Mājās un grupā slavējam, kad dalās.',
  });

  it('records a talk with the child’s own guardians only', async () => {
    const f = await fixture();
    await f.as('anna');
    const saved = await f.b.ok('journals.saveTalk', talk(f.elza, [f.elzaMother, f.elzaFather]));
    expect(saved).toMatchObject({
      childName: 'Elza Ozoliņa',
      guardians: [
        { id: f.elzaMother, name: 'Inese Ozoliņa' },
        { id: f.elzaFather, name: 'Pēteris Ozoliņš' },
      ],
      subject: 'behaviour',
      authorName: 'Anna Kalniņa',
      late: false,
    });
    // Kārlis's mother is not Elza's guardian.
    expect(await f.b.fail('journals.saveTalk', talk(f.elza, [f.karlisMother]))).toMatchObject({
      code: 'VALIDATION',
      fields: { guardianIds: 'Zane Grava nav reģistrēts kā šī bērna vecāks.' },
    });
    expect(await f.b.fail('journals.saveTalk', talk(f.elza, []))).toMatchObject({
      fields: { guardianIds: 'Izvēlieties vismaz vienu no bērna vecākiem.' },
    });
    // Kārlis is in «Cielaviņas», not Anna's group.
    expect(await f.b.fail('journals.saveTalk', talk(f.other, [f.karlisMother]))).toMatchObject({
      fields: { childId: expect.stringContaining('nav grupā, kurā strādājat') as unknown },
    });
    expect(
      await f.b.fail('journals.saveTalk', talk(f.elza, [f.elzaMother], '2026-12-11')),
    ).toMatchObject({ fields: { date: expect.stringContaining('nākotnes datumam') as unknown } });
    const late = await f.b.ok('journals.saveTalk', {
      ...talk(f.elza, [f.elzaMother], '2026-12-01'),
      subject: 'results',
      agreed: '',
    });
    expect(late).toMatchObject({ late: true, agreed: '' });
    expect(await f.repo(ParentTalk).count()).toBe(2);
  });

  it('is read by head, deputy and the child’s group teachers; edited by its author', async () => {
    const f = await fixture();
    await f.as('anna');
    const saved = await f.b.ok('journals.saveTalk', talk(f.elza, [f.elzaMother]));
    await f.as('ieva');
    await f.b.ok('journals.saveTalk', {
      ...talk(f.other, [f.karlisMother]),
      content: 'Par dienas režīmu.',
    });
    expect((await f.b.ok('journals.talks', DECEMBER)).map((t) => t.childName)).toEqual([
      'Kārlis Grava',
    ]);
    expect(
      await f.b.fail('journals.saveTalk', { ...talk(f.elza, [f.elzaMother]), id: saved.id }),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'Labot un dzēst var tikai ieraksta autors.' });
    for (const reader of ['ilze', 'dace']) {
      await f.as(reader);
      expect((await f.b.ok('journals.talks', DECEMBER)).map((t) => t.childName).sort()).toEqual([
        'Elza Ozoliņa',
        'Kārlis Grava',
      ]);
    }
    await f.as('sarma');
    expect(await f.b.fail('journals.talks', DECEMBER)).toMatchObject({ code: 'FORBIDDEN' });

    await f.as('anna');
    const edited = await f.b.ok('journals.saveTalk', {
      ...talk(f.elza, [f.elzaFather]),
      id: saved.id,
      subject: 'rules',
    });
    expect(edited).toMatchObject({ subject: 'rules', guardians: [{ name: 'Pēteris Ozoliņš' }] });
    const audit = await f.repo(AuditEvent).findOneByOrFail({ action: 'journals.talk.update' });
    expect(JSON.parse(audit.before ?? '{}')).toMatchObject({
      subject: 'behaviour',
      guardianIds: [f.elzaMother],
    });
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({
      subject: 'rules',
      guardianIds: [f.elzaFather],
    });
  });

  it('records a substitute’s talk on behalf of the absent teacher', async () => {
    const f = await fixture();
    await f.repo(Substitution).insert({
      groupId: f.cielavinas,
      substituteId: f.users.anna,
      absentId: f.users.ieva,
      fromDate: TODAY,
      toDate: TODAY,
      note: '',
      createdAt: '2026-12-10T06:00:00.000Z',
      createdBy: f.headId,
    });
    await f.as('anna');
    const saved = await f.b.ok('journals.saveTalk', talk(f.other, [f.karlisMother]));
    expect(saved).toMatchObject({ authorName: 'Anna Kalniņa', onBehalfOfName: 'Ieva Liepiņa' });
    const audit = await f.repo(AuditEvent).findOneByOrFail({ action: 'journals.talk.create' });
    expect(audit.onBehalfOfId).toBe(f.users.ieva);
  });
});
