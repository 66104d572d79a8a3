import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { Assessment, AssessmentHistory } from '../../database/entities/planning';
import { winterTopic } from './planning-fixtures';

async function pdfText(base64: string): Promise<string> {
  const parser = new PDFParse({ data: Buffer.from(base64, 'base64') });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe('the assessment sheet', () => {
  it('fills and empties the to-assess-later list, with a history of every change', async () => {
    const { f, topicId } = await winterTopic();
    const sheet = await f.b.ok('assessment.sheet', { topicId });
    expect(sheet.areas).toEqual(['VAL', 'MAT']);
    expect(sheet.due).toBe('2027-01-20');
    // The child who left in November is not on the sheet.
    expect(sheet.children.map((c) => c.name)).toEqual([
      'Jānis Bērziņš',
      'Mārtiņš Kalniņš',
      'Elza Ozoliņa',
      'Līga Šmite',
      'Rūta Žagare',
    ]);
    const [elza, janis, martins, liga, ruta] = f.children;
    const changes = [janis, martins, elza, liga].flatMap((childId, i) =>
      (['VAL', 'MAT'] as const).map((area) => ({
        childId,
        area,
        mark: (['S', 'T', 'A', 'P'] as const)[i],
      })),
    );
    const after = await f.b.ok('assessment.mark', {
      topicId,
      changes: [
        ...changes,
        { childId: ruta, area: 'VAL', mark: null, reason: 'excused' },
        { childId: ruta, area: 'MAT', mark: null, reason: 'excused' },
      ],
    });
    expect(after.summary).toEqual({
      VAL: { S: 1, T: 1, A: 1, P: 1 },
      MAT: { S: 1, T: 1, A: 1, P: 1 },
    });
    expect((await f.b.ok('assessment.later', {})).rows).toEqual([
      expect.objectContaining({
        childName: 'Rūta Žagare',
        topicTitle: 'Ziema',
        areas: ['VAL', 'MAT'],
      }),
    ]);
    // The head reads the same list; ieva (another group) does not see it.
    await f.as('ilze');
    expect(await f.b.ok('assessment.later', {})).toMatchObject({ total: 1, schoolYear: 2026 });
    await f.as('ieva');
    expect(await f.b.ok('assessment.later', {})).toMatchObject({ rows: [], total: 0 });

    // Rūta is marked after she comes back (after the due date: flagged late).
    f.b.clock.set(new Date('2027-01-26T08:00:00Z'));
    await f.as('anna');
    const done = await f.b.ok('assessment.mark', {
      topicId,
      changes: [
        { childId: ruta, area: 'VAL', mark: 'A' },
        { childId: ruta, area: 'MAT', mark: 'T' },
      ],
    });
    expect(done.cells.filter((c) => c.childId === ruta)).toEqual([
      { childId: ruta, area: 'VAL', mark: 'A', reason: null, late: true },
      { childId: ruta, area: 'MAT', mark: 'T', reason: null, late: true },
    ]);
    expect((await f.b.ok('assessment.later', {})).rows).toEqual([]);
    const history = await f.b.ok('assessment.history', { topicId });
    expect(history).toHaveLength(12);
    expect(history[0]).toMatchObject({
      childName: 'Rūta Žagare',
      area: 'MAT',
      before: 'attaisnots kavējums',
      after: 'T',
      late: true,
      byName: 'Anna Kalniņa',
    });

    // The child's progress PDF carries the marks and the areas' Latvian names.
    const pdf = await f.b.ok('assessment.progressPdf', { childId: ruta });
    const text = await pdfText(pdf.base64);
    expect(text).toContain('Rūta Žagare');
    expect(text).toContain('Valodu mācību joma');
    expect(text).toContain('Matemātikas mācību joma');
    expect(text).toContain('A — apguvis');
    expect(text).toContain('T — turpina apgūt');
    expect(pdf.fileName).toBe('sasniegumi-Rūta-Žagare-2026.pdf');
  });

  it('refuses bad marks and writes nothing', async () => {
    const { f, topicId } = await winterTopic();
    const [elza] = f.children;
    const bad = await f.b.fail('assessment.mark', {
      topicId,
      changes: [{ childId: elza, area: 'VAL', mark: 'X' }],
    });
    expect(bad.fields).toEqual({
      'changes.0.mark': 'Izvēlieties vienu no piedāvātajām vērtībām.',
    });
    const notEnrolled = await f.b.fail('assessment.mark', {
      topicId,
      changes: [
        { childId: elza, area: 'VAL', mark: 'A' },
        { childId: f.left, area: 'VAL', mark: 'A' },
      ],
    });
    expect(notEnrolled.fields).toEqual({
      'changes.1.childId': 'Bērns Paula Jansone temata laikā nav šajā grupā.',
    });
    const notPlanned = await f.b.fail('assessment.mark', {
      topicId,
      changes: [{ childId: elza, area: 'DAB', mark: 'A' }],
    });
    expect(notPlanned.fields).toEqual({
      'changes.0.area': 'Šim tematam nav plānoti rezultāti jomā “Dabaszinātņu mācību joma”.',
    });
    const db = f.b.router.state.db;
    expect(await db.getRepository(Assessment).count()).toBe(0);
    expect(await db.getRepository(AssessmentHistory).count()).toBe(0);
  });
});
