import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { GROUP, registerWithStaff } from './people-helpers';

async function pdfText(base64: string): Promise<string> {
  const parser = new PDFParse({ data: Buffer.from(base64, 'base64') });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe('the application form "Pielikums Nr.1"', () => {
  it('prints the blank form with the Latvian headings, the cut line and the conditions', async () => {
    const { b, as } = await registerWithStaff();
    await as('deputy');
    const file = await b.ok('applications.pdf', {});
    expect(file).toMatchObject({
      fileName: 'iesniegums-pielikums-nr1.pdf',
      mimeType: 'application/pdf',
    });
    const text = await pdfText(file.base64);
    for (const heading of [
      'Pielikums Nr.1',
      'IESNIEGUMS',
      'Piekrītu, ka:',
      'GRIEZUMA LĪNIJA – UZ PIRMSSKOLAS IZGLĪTĪBAS IESTĀDI JĀNOGĀDĀ TIKAI AUGŠĒJĀ IESNIEGUMA DAĻA',
      'Pakalpojuma nosacījumi:',
      '/vecāka vārds, uzvārds/',
      'man piešķirto paroli nenodošu citai personai (arī ģimenes locekļiem ne);',
      'PII «Zīlīte»',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toMatch(/Piekļuves paroli E-klasei saņemsiet uzreiz/);
  });

  it('prefills the parent, phone, child, code and group from an application', async () => {
    const { b, as } = await registerWithStaff();
    await as('deputy');
    const group = await b.ok('groups.create', GROUP);
    const child = await b.ok('children.create', {
      firstName: 'Jānis',
      lastName: 'Bērziņš',
      personalCode: '120785-12347',
      groupId: group.id,
      fromDate: '2026-09-01',
    });
    b.clock.set(new Date('2026-09-10T08:00:00Z'));
    const app = await b.ok('applications.create', {
      receivedOn: '2026-09-09',
      parentName: 'Ieva Bērziņa',
      parentPhone: '+371 2612 3456',
      childId: child.id,
    });
    const text = await pdfText((await b.ok('applications.pdf', { id: app.id })).base64);
    expect(text).toContain('Ieva Bērziņa');
    expect(text).toContain('26123456');
    expect(text).toContain('Jānis Bērziņš, 120785-12347, 3. grupa');
    expect(text).toContain('3 . grupas skolotājam');
  });
});
