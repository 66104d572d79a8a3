import type { Content } from 'pdfmake/interfaces';
import type { ProgressData } from '../../../common/contract/assessment';
import type { PlanningFile } from '../../../common/contract/planning';
import { dmy } from '../../../common/dates';
import { AREAS, MARK_NAMES, type Mark } from '../../../common/planning-reference';
import { Institution } from '../../../database/entities';
import type { Context } from '../context';
import { renderPdf as render } from '../pdf';
import { safeName } from '../planning/pdf';

const markText = (value: Mark | 'excused' | undefined) =>
  !value ? '—' : value === 'excused' ? 'attaisnots kavējums' : `${value} — ${MARK_NAMES[value].lv}`;

/** One child's marks over the school year, for a talk with the parents. */
export async function progressPdf(ctx: Context, data: ProgressData): Promise<PlanningFile> {
  const institution = await ctx.db.manager.findOneByOrFail(Institution, { id: 1 });
  const content: Content[] = [
    { text: institution.name, fontSize: 10, color: '#555' },
    { text: 'Bērna sasniegumi', style: 'h1' },
    { text: data.childName, fontSize: 13, bold: true },
    { text: `${data.schoolYear}./${data.schoolYear + 1}. mācību gads`, margin: [0, 0, 0, 8] },
  ];
  if (data.rows.length === 0) content.push({ text: 'Vērtējumu vēl nav.' });
  for (const row of data.rows) {
    content.push(
      { text: row.title, style: 'h2' },
      {
        text: `${dmy(row.startDate)}–${dmy(row.endDate)}, grupa ${row.groupName}`,
        margin: [0, 0, 0, 3],
      },
      {
        table: {
          widths: ['*', 170],
          body: [
            [
              { text: 'Mācību joma', bold: true },
              { text: 'Vērtējums', bold: true },
            ],
            ...data.areas
              .filter((a) => row.marks[a])
              .map((a) => [AREAS[a].lv, markText(row.marks[a])]),
          ],
        },
        layout: 'lightHorizontalLines',
      },
    );
  }
  content.push({
    text: 'S — sācis apgūt, T — turpina apgūt, A — apguvis, P — apguvis padziļināti.',
    fontSize: 9,
    color: '#555',
    margin: [0, 14, 0, 0],
  });
  const pdf = await render({
    content,
    defaultStyle: { fontSize: 10 },
    styles: {
      h1: { fontSize: 16, bold: true, margin: [0, 4, 0, 6] },
      h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 1] },
    },
    info: { title: `Bērna sasniegumi ${data.childName}` },
  });
  return {
    fileName: `sasniegumi-${safeName(data.childName)}-${data.schoolYear}.pdf`,
    mimeType: 'application/pdf',
    base64: pdf.toString('base64'),
  };
}
