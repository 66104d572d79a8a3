import type { Content } from 'pdfmake/interfaces';
import { dmy, monthTitle } from '../../../common/dates';
import type { PlanDetail, PlanningFile } from '../../../common/contract/planning';
import { AREAS, SKILLS } from '../../../common/planning-reference';
import { Institution } from '../../../database/entities';
import type { Context } from '../context';
import { renderPdf as render } from '../pdf';

/** A file name's part from a group's or a child's name: letters and digits only. */
export const safeName = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');

/** A4 portrait less pdfmake's default margins of 40 pt. */
const CONTENT_WIDTH = 595.28 - 2 * 40;
const AREA_WIDTH = 150;
/** 'lightHorizontalLines' pads 8 pt on each side of the rule between two columns. */
const LIGHT_LINES_GAP = 16;

export const EXTRA_LABELS: Record<string, string> = {
  excursions: 'Mācību ekskursijas',
  walks: 'Pastaigas',
  safety: 'Iepazīstināšana ar drošības noteikumiem',
  parents: 'Sadarbība ar vecākiem',
  events: 'Pasākumi',
  areaProcess: 'Mācību procesa norise pa jomām',
  talkingWall: '“Runājošā siena”',
  other: 'Cits',
};

function labelled(label: string, value: string): Content[] {
  if (!value) return [];
  return [
    { text: label, bold: true, margin: [0, 6, 0, 1] },
    { text: value, margin: [0, 0, 0, 2] },
  ];
}

/** The month's plan as the rules' 3.1 lists it, topic by topic. */
export async function planPdf(ctx: Context, plan: PlanDetail): Promise<PlanningFile> {
  const institution = await ctx.db.manager.findOneByOrFail(Institution, { id: 1 });
  const content: Content[] = [
    { text: institution.name, fontSize: 10, color: '#555' },
    { text: `Mēneša plāns: ${monthTitle(plan.month)}`, style: 'h1' },
    { text: `Grupa: ${plan.groupName}`, margin: [0, 0, 0, 2] },
    {
      text:
        `Iesniegšanas termiņš: ${dmy(plan.dueDate)}` +
        (plan.submittedAt
          ? `; iesniegts ${dmy(plan.submittedAt)}${plan.submittedBy ? ` (${plan.submittedBy})` : ''}` +
            (plan.late ? ', nokavēts' : '')
          : '; nav iesniegts'),
      margin: [0, 0, 0, 8],
    },
  ];
  for (const t of plan.topics) {
    content.push(
      { text: `Temats: ${t.title}`, style: 'h2' },
      { text: `${dmy(t.startDate)}–${dmy(t.endDate)}`, margin: [0, 0, 0, 4] },
      ...labelled('Ziņa bērnam', t.message),
      ...labelled('Saturs', t.content),
      ...labelled(
        'Vērtības un tikumi',
        [t.values.join(', '), t.valuesText].filter(Boolean).join('; '),
      ),
      ...labelled('Caurviju prasmes', t.skills.map((s) => SKILLS[s].lv).join(', ')),
    );
    if (t.areas.length) {
      content.push({ text: 'Sasniedzamie rezultāti', bold: true, margin: [0, 6, 0, 2] });
      content.push({
        table: {
          // Fixed, not '*': a star column is never narrower than its longest word, so one long
          // link in a result pushed the whole column off the page.
          widths: [AREA_WIDTH, CONTENT_WIDTH - AREA_WIDTH - LIGHT_LINES_GAP],
          body: t.areas.map((a) => [{ text: AREAS[a].lv, bold: true }, t.results[a]]),
        },
        layout: 'lightHorizontalLines',
      });
    }
    const extras = Object.entries(t.extra).filter(([, v]) => v);
    if (extras.length) {
      content.push({ text: 'Papildus informācija', bold: true, margin: [0, 8, 0, 0] });
      for (const [part, value] of extras) {
        content.push(...labelled(EXTRA_LABELS[part] ?? part, value));
      }
    }
  }
  const pdf = await render({
    content,
    defaultStyle: { fontSize: 10 },
    styles: {
      h1: { fontSize: 16, bold: true, margin: [0, 4, 0, 6] },
      h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 2] },
    },
    info: { title: `Mēneša plāns ${plan.groupName} ${plan.month}` },
  });
  return {
    fileName: `plans-${safeName(plan.groupName)}-${plan.month}.pdf`,
    mimeType: 'application/pdf',
    base64: pdf.toString('base64'),
  };
}
