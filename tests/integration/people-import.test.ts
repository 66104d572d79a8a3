import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../electron/api/people/import-file';
import { importCsv } from '../e2e/page-models/people-data';
import { GROUP, registerWithStaff } from './people-helpers';

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe('CSV parsing (RFC 4180)', () => {
  it('reads quotes, doubled quotes, delimiters and line breaks inside fields, and a BOM', () => {
    expect(parseCsv('\uFEFFa;b\r\n"x;y";"say ""hi"""\n"two\nlines";z')).toEqual([
      ['a', 'b'],
      ['x;y', 'say "hi"'],
      ['two\nlines', 'z'],
    ]);
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('import of children with parents', () => {
  it('previews 30 rows with 2 bad ones, writes nothing, then imports the 28 in one go', async () => {
    const { b, as } = await registerWithStaff();
    await as('deputy');
    await b.ok('groups.create', GROUP);
    const file = { fileName: 'berni.csv', base64: b64(importCsv()) };
    const preview = await b.ok('import.preview', file);
    expect(preview).toMatchObject({ total: 30, valid: 28, invalid: 2 });
    const bad = preview.rows.filter((r) => !r.ok);
    expect(bad.map((r) => [r.line, r.reasons])).toEqual([
      [8, ['Personas kods: Personas koda kontrolcipars nav pareizs.']],
      [20, ['Grupa: nav tādas grupas: “42”.']],
    ]);
    expect((await b.ok('children.list', {})).rows).toHaveLength(0);
    expect(await b.ok('import.confirm', file)).toEqual({ imported: 28, skipped: 2 });
    const children = (await b.ok('children.list', { limit: 100 })).rows;
    expect(children).toHaveLength(28);
    expect((await b.ok('children.get', { id: children[0].id })).guardians).toHaveLength(1);
    // A second run finds every row already in the register.
    const again = await b.ok('import.preview', file);
    expect(again.valid).toBe(0);
    expect(again.rows[0].reasons).toContain(
      'Personas kods: Bērns ar šādu personas kodu jau ir reģistrā.',
    );
  });

  it('marks duplicates in the file, missing names and unknown groups', async () => {
    const { b, as } = await registerWithStaff();
    await as('deputy');
    await b.ok('groups.create', GROUP);
    const csv = [
      'vards,uzvards,personas kods,grupa',
      'Anna,Ozola,030190-10457,3. grupa «Zīlītes»',
      ',Ozola,120785-12347,Zīlītes',
      'Otra,Anna,03019010457,3',
    ].join('\n');
    const preview = await b.ok('import.preview', { fileName: 'a.CSV', base64: b64(csv) });
    expect(preview.rows.map((r) => r.reasons)).toEqual([
      [],
      ['Vārds: Obligāti aizpildāms lauks.'],
      ['Personas kods: šis personas kods failā jau ir 2. rindā.'],
    ]);
  });

  it('reads XLSX the same way', async () => {
    const { b, as } = await registerWithStaff();
    await as('deputy');
    await b.ok('groups.create', GROUP);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Bērni');
    sheet.addRow(['Vārds', 'Uzvārds', 'Personas kods', 'Dzimšanas datums', 'Grupa']);
    sheet.addRow(['Līva', 'Ābele', '321234-56785', new Date(Date.UTC(2022, 2, 4)), 3]);
    sheet.addRow(['Jānis', 'Bērziņš', '120785-12347', '', 'Zīlītes']);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const file = { fileName: 'berni.xlsx', base64: data.toString('base64') };
    expect(await b.ok('import.preview', file)).toMatchObject({ total: 2, valid: 2 });
    await b.ok('import.confirm', file);
    const list = (await b.ok('children.list', { search: 'abele' })).rows;
    expect(list).toMatchObject([{ firstName: 'Līva', birthDate: '2022-03-04' }]);
  });

  it('refuses a file that is not CSV/XLSX, is empty or has no header row, before any preview', async () => {
    const { b, as } = await registerWithStaff();
    await as('deputy');
    await b.ok('groups.create', GROUP);
    const refuse = async (fileName: string, content: string) =>
      (await b.fail('import.preview', { fileName, base64: b64(content) })).fields;
    expect(await refuse('berni.pdf', '%PDF-1.4')).toEqual({
      fileName: 'Var importēt tikai CSV vai XLSX failu.',
    });
    expect(await refuse('berni.csv', '\uFEFF\r\n ; \r\n')).toEqual({ fileName: 'Fails ir tukšs.' });
    expect(await refuse('berni.csv', 'Anna;Ozola;030190-10457;3\n')).toEqual({
      fileName: 'Failam nav virsrakstu rindas ar kolonnām: Vārds, Uzvārds, Personas kods, Grupa.',
    });
    expect(await refuse('berni.xlsx', 'not a zip')).toEqual({
      fileName: 'Failu nevar nolasīt: tas nav derīgs CSV vai XLSX fails.',
    });
    expect((await b.fail('import.confirm', { fileName: 'x.csv', base64: '' })).fields).toEqual({
      base64: 'Fails ir tukšs.',
    });
    expect((await b.ok('children.list', {})).rows).toHaveLength(0);
  });
});
