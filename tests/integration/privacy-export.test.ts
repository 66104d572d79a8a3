import { describe, expect, it } from 'vitest';
import type { ChildData } from '../../electron/api/privacy/child-data';
import { childHistory, pdfText } from './privacy-fixtures';

describe('a child’s data on request', () => {
  it('gathers everything about the child into a PDF and a JSON file, and records the export', async () => {
    const f = await childHistory();
    await f.as('dace');
    const files = await f.b.ok('privacy.childExport', { childId: f.elza });
    expect(files.pdf.fileName).toBe(`berna-dati-${f.elza}-2026-12-10.pdf`);
    expect(files.json.fileName).toBe(`berna-dati-${f.elza}-2026-12-10.json`);
    const text = (await pdfText(files.pdf.base64)).replace(/\s+/g, ' ');
    for (const expected of [
      'Bērna dati pēc pieprasījuma',
      'Elza Ozoliņa',
      '324101-52037', // the full code: the data subject's own
      'Inga Ozoliņa',
      'inga.ozolina@example.lv',
      '3. grupa «Zīlītes»',
      '27.11.2026 NS', // the absence as it stands
      'N › NS', // and its history: the nurse's correction
      'Mārta Ābele (māsa)',
      'Rudens ražas svētki',
      'A', // the marks
      'Valodu mācību joma',
      'Elza un Paula kopā būvēja torni',
      'Elza lieliski skaita līdz divdesmit.',
      'Notikumi par bērnu',
      'Ekskursija uz mežu', // the letter to her mother
    ]) {
      expect(text).toContain(expected);
    }
    const data = JSON.parse(Buffer.from(files.json.base64, 'base64').toString('utf8')) as ChildData;
    expect(data.child).toMatchObject({ firstName: 'Elza', lastName: 'Ozoliņa' });
    expect(data.attendance).toEqual([
      { date: '2026-11-27', code: 'NS', group: '3. grupa «Zīlītes»', corrected: true },
    ]);
    expect(data.attendanceHistory.map((h) => [h.before, h.after, h.by, h.as])).toEqual([
      [null, 'N', 'Anna Kalniņa', 'teacher'],
      ['N', 'NS', 'Mārta Ābele', 'nurse'],
    ]);
    expect(data.marks.map((m) => [m.area, m.mark])).toEqual([
      ['MAT', 'T'],
      ['VAL', 'A'],
    ]);
    expect(data.individualWork).toHaveLength(1);
    expect(data.talks.map((t) => t.guardians)).toEqual([['Inga Ozoliņa']]);
    expect(data.messages).toEqual([
      {
        sentAt: '2026-11-25T10:00:00.000Z',
        from: 'Anna Kalniņa',
        to: 'Inga Ozoliņa <inga.ozolina@example.lv>',
        subject: 'Ekskursija uz mežu',
        text: 'Ekskursija uz mežu. Ar cieņu, Anna Kalniņa',
      },
    ]);
    expect(data.auditEvents.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'people.guardian.create',
        'attendance.mark.correct',
        'assessment.mark.save',
      ]),
    );
    // Nothing about another child: Paula's talk, and her cells of the same saves, are hers.
    expect(JSON.stringify(data)).not.toContain('bieži raud');
    expect(JSON.stringify(data.auditEvents)).not.toContain('Paula Jansone ·');
    expect(text).not.toContain('Paula Jansone ·');
    const [event] = await f.b.router.state.db.query<{ action: string; actorId: number }[]>(
      `SELECT a.action, a.actor_id AS "actorId" FROM audit_event a JOIN audit_event_child c ON c.event_id = a.id WHERE c.child_id = ? AND a.action = 'privacy.child.export'`,
      [f.elza],
    );
    expect(event).toEqual({ action: 'privacy.child.export', actorId: f.users.dace });
  });

  it('refuses a child the user may not see or that does not exist, recording nothing', async () => {
    const f = await childHistory();
    const count = async () =>
      (
        await f.b.router.state.db.query<{ n: number }[]>(
          "SELECT count(*) AS n FROM audit_event WHERE action = 'privacy.child.export'",
        )
      )[0].n;
    await f.as('anna');
    const teacher = await f.b.fail('privacy.childExport', { childId: f.elza });
    expect(teacher).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Jums nav tiesību veikt šo darbību.',
    });
    await f.as('ilze');
    const missing = await f.b.fail('privacy.childExport', { childId: 99999 });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: 'Bērns nav atrasts.' });
    expect(await count()).toBe(0);
    // The head may: she keeps the whole register.
    await f.b.ok('privacy.childExport', { childId: f.paula });
    expect(await count()).toBe(1);
  });
});
