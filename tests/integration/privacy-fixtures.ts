import { PDFParse } from 'pdf-parse';
import { OutboxEmail } from '../../database/entities/mail';
import { planningFixture, topic } from './planning-fixtures';

/** The text of a PDF, as a person copying it out would read it. */
export async function pdfText(base64: string): Promise<string> {
  const parser = new PDFParse({ data: Buffer.from(base64, 'base64') });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/**
 * The planning fixture (10 December 2026) with a history for two children: Elza (still in
 * «Zīlītes») and Paula (left on 30 November), each with a guardian, absences corrected by the
 * nurse, marks, individual work (one entry about both), a talk, an application and a diary
 * entry that names Paula, and a letter sent to each mother (the outbox, as mail leaves it).
 */
export async function childHistory() {
  const f = await planningFixture();
  const [elza] = f.children;
  const paula = f.left;
  await f.as('dace');
  const inga = await f.b.ok('guardians.create', {
    firstName: 'Inga',
    lastName: 'Ozoliņa',
    phone: '26123456',
    email: 'inga.ozolina@example.lv',
    consents: ['register', 'photos'],
    childId: elza,
    relation: 'mother',
  });
  const laila = await f.b.ok('guardians.create', {
    firstName: 'Laila',
    lastName: 'Jansone',
    phone: '29876543',
    email: 'laila.jansone@example.lv',
    consents: ['register'],
    childId: paula,
    relation: 'mother',
  });
  await f.b.ok('applications.create', {
    receivedOn: '2026-11-20',
    parentName: 'Laila Jansone',
    parentPhone: '29876543',
    childId: paula,
  });
  await f.b.ok('supervision.diarySave', {
    date: '2026-12-10',
    kind: 'consultation',
    participants: 'Laila Jansone',
    content: 'Konsultācija ar Paulas Jansones mammu par pāreju uz citu iestādi.',
  });
  await f.as('anna');
  await f.b.ok('attendance.save', {
    groupId: f.zilites,
    changes: [
      { childId: elza, date: '2026-11-27', expected: null, code: 'N' },
      { childId: paula, date: '2026-11-27', expected: null, code: 'N' },
      { childId: paula, date: '2026-11-26', expected: null, code: 'NC' },
    ],
  });
  const plan = await f.b.ok('planning.saveTopic', {
    groupId: f.zilites,
    month: '2026-11',
    topic: topic('Rudens ražas svētki', '2026-11-16', '2026-11-20', ['VAL', 'MAT']),
  });
  const topicId = plan.topics[0].id;
  await f.b.ok('assessment.mark', {
    topicId,
    changes: [
      { childId: elza, area: 'VAL', mark: 'A', reason: null },
      { childId: elza, area: 'MAT', mark: 'T', reason: null },
      { childId: paula, area: 'VAL', mark: 'S', reason: null },
    ],
  });
  await f.b.ok('journals.saveEntry', {
    date: '2026-11-25',
    childIds: [elza, paula],
    kind: 'play',
    content: 'Elza un Paula kopā būvēja torni; Paulai patīk skaitīt.',
  });
  await f.b.ok('journals.saveTalk', {
    date: '2026-11-25',
    childId: paula,
    guardianIds: [laila.id],
    subject: 'behaviour',
    content: 'Paula pēdējā laikā bieži raud no rīta.',
    agreed: 'Mamma pastāstīs par pārcelšanos.',
  });
  await f.b.ok('journals.saveTalk', {
    date: '2026-12-09',
    childId: elza,
    guardianIds: [inga.id],
    subject: 'results',
    content: 'Elza lieliski skaita līdz divdesmit.',
  });
  await f.as('marta');
  await f.b.ok('attendance.save', {
    groupId: f.zilites,
    changes: [
      { childId: elza, date: '2026-11-27', expected: 'N', code: 'NS' },
      { childId: paula, date: '2026-11-27', expected: 'N', code: 'NS' },
    ],
    reason: 'Ārsta zīmes (arī par Paulas Jansones saaukstēšanos)',
  });
  const letter = (childId: number, guardianId: number, to: string, name: string, subject: string) =>
    f.b.router.state.db.getRepository(OutboxEmail).insert({
      kind: 'parents',
      status: 'sent',
      toAddress: to,
      toName: name,
      guardianId,
      childId,
      subject,
      body: `${subject}. Ar cieņu, Anna Kalniņa`,
      messageId: `<${childId}.${guardianId}@zilite.example.lv>`,
      sentAt: '2026-11-25T10:00:00.000Z',
      createdBy: f.users.anna,
      createdAt: '2026-11-25T09:59:00.000Z',
      updatedAt: '2026-11-25T10:00:00.000Z',
    });
  await letter(elza, inga.id, 'inga.ozolina@example.lv', 'Inga Ozoliņa', 'Ekskursija uz mežu');
  await letter(paula, laila.id, 'laila.jansone@example.lv', 'Laila Jansone', 'Paulai ekskursija');
  return { ...f, elza, paula, inga: inga.id, laila: laila.id, topicId };
}
