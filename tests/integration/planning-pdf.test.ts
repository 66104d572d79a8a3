import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { AREA_CODES } from '../../common/planning-reference';
import { planningFixture, topic } from './planning-fixtures';

/**
 * A link without a space or a hyphen, wider than its column: it must wrap, never push the
 * column off the page.
 */
const LINK = `https://www.example.lv/materiali?fails=${'Sniegavirs2027'.repeat(8)}`;

describe('the month plan PDF', () => {
  it('keeps every result on the page, even one with a long link in it', async () => {
    const f = await planningFixture();
    await f.as('anna');
    const base = topic('Ziema', '2027-01-04', '2027-01-15', [...AREA_CODES]);
    const results = Object.fromEntries(
      AREA_CODES.map((c) => [
        c,
        `Bērns jomā ${c} prot ${'skaitīt, zīmēt un stāstīt; '.repeat(8)}${LINK} beigas-${c}`,
      ]),
    );
    await f.b.ok('planning.saveTopic', {
      groupId: f.zilites,
      month: '2027-01',
      topic: { ...base, results },
    });
    const plan = await f.b.ok('planning.plan', { groupId: f.zilites, month: '2027-01' });
    const file = await f.b.ok('planning.planPdf', { planId: plan.id! });
    const parser = new PDFParse({ data: Buffer.from(file.base64, 'base64') });
    const text = (await parser.getText()).text;
    await parser.destroy();
    // Text beyond the page's edge is not extracted: a cut column loses the ends of its lines.
    // A row may go on over a page break; the parser marks the break ("-- 1 of 2 --").
    const joined = text.replace(/-- \d+ of \d+ --/g, '').replace(/\s+/g, '');
    for (const c of AREA_CODES) {
      expect(joined).toContain(`${LINK}beigas-${c}`);
      expect(joined).toContain(`Bērnsjomā${c}prot${'skaitīt,zīmētunstāstīt;'.repeat(8)}`);
    }
  });
});
