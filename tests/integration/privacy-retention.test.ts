import { describe, expect, it } from 'vitest';
import { childHistory, pdfText } from './privacy-fixtures';
import { catalogOf } from './schema-catalog';

/** Every text value of every table, to look for a name anywhere in the register. */
async function everyText(f: Awaited<ReturnType<typeof childHistory>>): Promise<string> {
  const db = f.b.router.state.db;
  const parts: string[] = [];
  for (const name of await catalogOf(db).tables()) {
    parts.push(JSON.stringify(await db.query(`SELECT * FROM "${name}"`)));
  }
  return parts.join('\n');
}

describe('retention and anonymising', () => {
  it('refuses a child still enrolled or inside the retention period, with the reason', async () => {
    const f = await childHistory();
    await f.as('ilze');
    expect(await f.b.ok('privacy.retention', {})).toEqual({ years: 5, total: 0, rows: [] });
    const early = await f.b.fail('privacy.anonymise', { childIds: [f.paula] });
    expect(early).toMatchObject({
      code: 'CONFLICT',
      message:
        'Paula Jansone datu glabāšanas termiņš vēl nav beidzies (glabā līdz 31.08.2032). Nekas netika mainīts.',
    });
    f.b.clock.set(new Date('2032-09-01T07:00:00Z'));
    await f.as('ilze');
    const enrolled = await f.b.fail('privacy.anonymise', { childIds: [f.paula, f.elza] });
    expect(enrolled).toMatchObject({
      code: 'CONFLICT',
      message: 'Elza Ozoliņa joprojām ir grupā — anonimizēt var tikai pēc aiziešanas.',
    });
    // All or nothing: Paula, who could go, is still there.
    expect((await f.b.ok('children.get', { id: f.paula })).lastName).toBe('Jansone');
    const none = await f.b.fail('privacy.anonymise', { childIds: [] });
    expect(none.fields).toEqual({ childIds: 'Izvēlieties vismaz vienu bērnu.' });
    const years = await f.b.fail('privacy.setRetention', { years: 0 });
    expect(years.fields).toEqual({ years: 'Ievadiet veselu gadu skaitu no 1 līdz 75.' });
    await f.as('dace');
    expect((await f.b.fail('privacy.anonymise', { childIds: [f.paula] })).code).toBe('FORBIDDEN');
  });

  it('lists the records past their time and anonymises them, keeping the month totals', async () => {
    const f = await childHistory();
    await f.as('ilze');
    const november = { groupId: f.zilites, month: '2026-11' };
    const before = await f.b.ok('attendance.month', november);
    f.b.clock.set(new Date('2032-09-01T07:00:00Z'));
    await f.as('ilze');
    const due = await f.b.ok('privacy.retention', {});
    expect(due).toEqual({
      years: 5,
      total: 1,
      rows: [
        {
          childId: f.paula,
          name: 'Paula Jansone',
          birthDate: '2022-08-17',
          lastGroup: '3. grupa «Zīlītes»',
          leftOn: '2026-11-30',
          keepUntil: '2032-08-31',
        },
      ],
    });
    // Six years instead of five: she is kept one more year.
    expect((await f.b.ok('privacy.setRetention', { years: 6 })).total).toBe(0);
    await f.b.ok('privacy.setRetention', { years: 5 });

    const result = await f.b.ok('privacy.anonymise', { childIds: [f.paula] });
    expect(result).toEqual({
      children: 1,
      guardians: 1,
      applications: 1,
      talks: 1,
      entries: 1,
      attendanceReasons: 2,
      diaryEntries: 1,
      // Her mother's record, the application, the entry, the talk and the diary entry.
      auditEvents: 5,
      // The letter to her mother.
      messages: 1,
    });

    // Gone from every table, in any form: names, the mother's contacts, the code, free text.
    const everything = await everyText(f);
    for (const gone of [
      'Jansone',
      'Jansones',
      'Paula',
      'Paulai',
      'Laila',
      '29876543',
      'laila.jansone',
      '32410852296',
      'bieži raud',
    ]) {
      expect(everything, gone).not.toContain(gone);
    }
    // What was about others stays: Elza, her mother, the shared entry's other child.
    expect((await f.b.ok('guardians.list', { search: 'Inga' })).map((g) => g.lastName)).toEqual([
      'Ozoliņa',
    ]);
    expect(everything).toContain('Elza un [anonimizēts] kopā būvēja torni');
    // Searches find her no more; the register still counts her days.
    expect((await f.b.ok('children.list', { search: 'Jansone', includeLeft: true })).total).toBe(0);
    expect(await f.b.ok('guardians.list', { search: 'Laila' })).toEqual([]);
    const after = await f.b.ok('attendance.month', november);
    expect(after.totals).toEqual(before.totals);
    expect(after.dayTotals).toEqual(before.dayTotals);
    const byChild = (grid: typeof before) =>
      Object.fromEntries(grid.children.map((c) => [c.childId, [c.totals, c.codes]]));
    expect(byChild(after)).toEqual(byChild(before));
    expect(after.children.map((c) => `${c.firstName} ${c.lastName}`)).toContain(
      `Anonimizēts #${f.paula}`,
    );
    // The export of her record now holds no name either.
    const text = await pdfText(
      (await f.b.ok('privacy.childExport', { childId: f.paula })).pdf.base64,
    );
    expect(text).not.toMatch(/Paula|Jansone|Laila/);
    expect(text).toContain(`Anonimizēts #${f.paula}`);
    // The action is recorded with counts, not names; and it cannot be done twice.
    const [event] = (
      await f.b.ok('audit.list', {
        from: '2032-09-01',
        to: '2032-09-01',
        action: 'privacy.child.anonymise',
      })
    ).rows;
    expect(event.actorName).toBe('Ilze Bērziņa');
    expect(event.changes).toContainEqual({ field: 'Bērni', before: '—', after: '1' });
    expect(JSON.stringify(event)).not.toContain('Paula');
    expect((await f.b.fail('privacy.anonymise', { childIds: [f.paula] })).message).toBe(
      'Šī bērna dati jau ir anonimizēti.',
    );
    expect((await f.b.ok('privacy.retention', {})).total).toBe(0);
  });
});
