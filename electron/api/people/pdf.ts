import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { FileDownload } from '../../../common/contract/applications';
import { AppError } from '../../../common/errors';
import { formatPersonalCode } from '../../../common/personal-code';
import { Institution } from '../../../database/entities';
import { Child, Group, ParentApplication } from '../../../database/entities/people';
import { audit } from '../audit/audit';
import type { Context } from '../context';
import { renderPdf } from '../pdf';

/** What the form is prefilled with; blank fields print as lines to write on. */
export interface ApplicationFormData {
  institutionName: string;
  groupNumber?: string;
  parentName?: string;
  parentPhone?: string;
  /** "name surname, personal code, group number" */
  childLine?: string;
}

const BLANK = '______________________________________________';

/** A value written above its caption ("/vecāka vārds, uzvārds/"), or a line when empty. */
function filled(value: string | undefined, caption: string): Content[] {
  return [
    { text: value || BLANK, alignment: 'right', margin: [0, 8, 0, 0] },
    { text: caption, alignment: 'right', fontSize: 9, italics: true, margin: [0, 0, 0, 2] },
  ];
}

const E_KLASE = { text: 'E-klase', italics: true };
const E_KLASEI = { text: 'E-klasei', italics: true };

/**
 * "Pielikums Nr.1" of the rules (shared/spec/e-klase-rules-lv.txt), word for word but for two
 * things: the source names its own kindergarten (here the institution's name from the settings
 * stands in), and it cites the repealed data protection law by a wrong name; the form cites the
 * law in force, the "Fizisko personu datu apstrādes likums" (2018).
 */
export function applicationDocument(data: ApplicationFormData): TDocumentDefinitions {
  const group = data.groupNumber || '____';
  return {
    pageSize: 'A4',
    pageMargins: [56, 42, 56, 42],
    info: { title: 'Pielikums Nr.1 — Iesniegums', subject: 'E-klase' },
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.15 },
    content: [
      { text: 'Pielikums Nr.1', alignment: 'right', bold: true, margin: [0, 0, 0, 12] },
      { text: data.institutionName, alignment: 'right' },
      { text: `${group} . grupas skolotājam`, alignment: 'right', margin: [0, 0, 0, 6] },
      ...filled(data.parentName, '/vecāka vārds, uzvārds/'),
      ...filled(data.parentPhone, '/tālruņa Nr./'),
      {
        text: 'IESNIEGUMS',
        alignment: 'center',
        bold: true,
        fontSize: 14,
        margin: [0, 16, 0, 12],
      },
      {
        text: [
          'Lūdzu piešķirt man skolvadības sistēmas ',
          E_KLASE,
          ' paroli un nosūtīt to uz mobilā tālruņa numuru ',
          {
            text: data.parentPhone || '_____',
            decoration: data.parentPhone ? 'underline' : undefined,
          },
          ', sakarā ar to, ka mans bērns',
        ],
      },
      { text: data.childLine || BLANK, alignment: 'center', margin: [0, 10, 0, 0] },
      {
        text: '/ bērna vārds, uzvārds, personas kods, grupas numurs/',
        alignment: 'center',
        fontSize: 9,
        italics: true,
        margin: [0, 0, 0, 6],
      },
      {
        text: `apgūst Pirmsskolas izglītības programmu izglītības iestādē ${data.institutionName}.`,
        margin: [0, 0, 0, 10],
      },
      { text: 'Piekrītu, ka:', bold: true, margin: [0, 0, 0, 4] },
      {
        ul: [
          {
            text: [
              'pakalpojumu izvēli veikšu pats, pieslēdzoties ',
              E_KLASEI,
              ' ar man piešķirto paroli;',
            ],
          },
          'man piešķirto paroli nenodošu citai personai (arī ģimenes locekļiem ne);',
          'personas datu apstrāde tiek veikta SIA „Digitālās ekonomikas attīstības centrā” (DEAC) un norit pēc skolas un DEAC savstarpēji noslēgtā līguma noteikumiem;',
          'personas dati tiek apstrādāti atbilstoši „Fizisko personu datu apstrādes likumam”.',
        ],
        margin: [0, 0, 0, 24],
      },
      {
        columns: [
          { stack: ['______________________', { text: 'vārds, uzvārds', fontSize: 9 }] },
          { stack: ['______________________', { text: 'paraksts', fontSize: 9 }] },
          { stack: ['______________________', { text: 'datums', fontSize: 9 }] },
        ],
        columnGap: 16,
        margin: [0, 0, 0, 22],
      },
      {
        canvas: [
          {
            type: 'line',
            x1: 0,
            y1: 0,
            x2: 483,
            y2: 0,
            lineWidth: 1,
            dash: { length: 5, space: 4 },
          },
        ],
      },
      {
        text: 'GRIEZUMA LĪNIJA – UZ PIRMSSKOLAS IZGLĪTĪBAS IESTĀDI JĀNOGĀDĀ TIKAI AUGŠĒJĀ IESNIEGUMA DAĻA',
        alignment: 'center',
        fontSize: 9,
        bold: true,
        margin: [0, 4, 0, 18],
      },
      { text: 'Pakalpojuma nosacījumi:', bold: true, margin: [0, 0, 0, 4] },
      {
        ol: [
          {
            text: [
              'Piekļuves paroli ',
              E_KLASEI,
              ' saņemsiet uzreiz pēc tam, kad šis iesniegums būs reģistrēts.',
            ],
          },
          {
            text: [
              'Pieslēgties ',
              E_KLASEI,
              ' var interneta vietnē www.e-klase.lv, ierakstot lietotāja vārdu, kas ir skolēna personas kods, (formāts: xxxxxx-xxxxx) un paroli.',
            ],
          },
          {
            text: [
              'Pieslēdzoties ',
              E_KLASEI,
              ' var veikt visus nepieciešamos uzstādījumus - izvēlēties pakalpojuma veidu un apjomu, uzaicināt pievienoties ',
              E_KLASEI,
              ' ģimenes locekļus u. tml.',
            ],
          },
          'Pakalpojuma nosacījumi, papildiespējas un jaunumi tiek publicēti www.e-klase.lv.',
        ],
      },
    ],
  };
}

/**
 * The form as a download: blank, or prefilled from a registered application. The prefilled
 * form carries the child's full personal code (it is the E-klase user name), so making it is
 * logged like a reveal.
 */
export async function applicationPdf(ctx: Context, id: number | undefined): Promise<FileDownload> {
  const m = ctx.db.manager;
  const institution = await m.findOneByOrFail(Institution, { id: 1 });
  const data: ApplicationFormData = { institutionName: institution.name };
  let fileName = 'iesniegums-pielikums-nr1.pdf';
  if (id !== undefined) {
    const application = await m.findOneBy(ParentApplication, { id });
    if (!application) throw new AppError('NOT_FOUND');
    const child = application.childId
      ? await m.findOneBy(Child, { id: application.childId })
      : null;
    const group = application.groupId
      ? await m.findOneBy(Group, { id: application.groupId })
      : null;
    const groupNumber = group?.number === null || !group ? undefined : String(group.number);
    data.groupNumber = groupNumber;
    data.parentName = application.parentName;
    data.parentPhone = application.parentPhone;
    data.childLine = [
      application.childName,
      child ? formatPersonalCode(child.personalCode) : '',
      groupNumber ? `${groupNumber}. grupa` : (group?.name ?? ''),
    ]
      .filter(Boolean)
      .join(', ');
    fileName = `iesniegums-${application.id}.pdf`;
    await audit(m, ctx.now(), {
      action: 'people.application.print',
      actorId: ctx.user.id,
      entity: 'parent_application',
      entityId: application.id,
      childIds: application.childId === null ? [] : [application.childId],
    });
  }
  const pdf = await renderPdf(applicationDocument(data));
  return { fileName, mimeType: 'application/pdf', base64: pdf.toString('base64') };
}
