import { In, type EntityManager } from 'typeorm';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { TopicData } from '../../../../common/contract/planning';
import { dmy, monthTitle } from '../../../../common/dates';
import { planDueDate } from '../../../../common/planning-rules';
import { AREAS, SKILLS, type AreaCode } from '../../../../common/planning-reference';
import { compareLv } from '../../../../common/text';
import { Topic } from '../../../../database/entities/planning';
import { EXTRA_LABELS } from '../../planning/pdf';
import { topicData } from '../../planning/records';
import { enrolmentsIn, placeholders, type GroupFact, type Rules } from '../facts';
import { dayOf } from '../words';

/**
 * The group's monthly plans (3.1) and the marks of their topics (3.4) for the archive: the plans,
 * their topics, the planned areas, the children and every mark in a few queries for the period.
 */

export interface PlannedMonth {
  month: string;
  submittedAt: string | null;
  late: boolean;
  topics: TopicData[];
}

export async function plannedMonths(
  m: EntityManager,
  rules: Rules,
  group: GroupFact,
  from: string,
  to: string,
): Promise<PlannedMonth[]> {
  const plans = await m.query<{ id: number; month: string; at: string | null; late: unknown }[]>(
    'SELECT id, month, submitted_at AS at, late FROM plan WHERE group_id = ? ' +
      'AND month >= ? AND month <= ? ORDER BY month',
    [group.id, from.slice(0, 7), to.slice(0, 7)],
  );
  const ids = plans.map((p) => Number(p.id));
  const topics = ids.length
    ? await m.find(Topic, { where: { planId: In(ids) }, order: { position: 'ASC', id: 'ASC' } })
    : [];
  const data = await topicData(m, topics, rules.marksDays);
  return plans.map((p) => ({
    month: p.month,
    submittedAt: p.at,
    late: Boolean(p.late),
    topics: data.filter((_, i) => topics[i].planId === Number(p.id)),
  }));
}

const labelled = (label: string, value: string): Content[] =>
  value
    ? [
        { text: label, bold: true, margin: [0, 4, 0, 1] },
        { text: value, margin: [0, 0, 0, 2] },
      ]
    : [];

export function planSection(rules: Rules, plan: PlannedMonth): Content[] {
  const due = planDueDate(rules.calendar, plan.month);
  const state = plan.submittedAt
    ? `iesniegts ${dayOf(plan.submittedAt)}${plan.late ? ', nokavēts' : ''}`
    : 'nav iesniegts';
  const content: Content[] = [
    {
      text: `Mēneša plāns: ${monthTitle(plan.month)}`,
      style: 'h2',
      tocItem: true,
      tocMargin: [14, 0, 0, 0],
    },
    { text: `Iesniegšanas termiņš ${dmy(due)}; ${state}.`, margin: [0, 0, 0, 4] },
  ];
  for (const t of plan.topics) {
    content.push(
      { text: `Temats: ${t.title}`, bold: true, fontSize: 11, margin: [0, 8, 0, 1] },
      { text: `${dmy(t.startDate)}–${dmy(t.endDate)}` },
      ...labelled('Ziņa bērnam', t.message),
      ...labelled('Saturs', t.content),
      ...labelled(
        'Vērtības un tikumi',
        [t.values.join(', '), t.valuesText].filter(Boolean).join('; '),
      ),
      ...labelled('Caurviju prasmes', t.skills.map((s) => SKILLS[s].lv).join(', ')),
    );
    if (t.areas.length > 0) {
      content.push({
        table: {
          widths: [140, '*'],
          body: t.areas.map((a) => [{ text: AREAS[a].lv, bold: true }, t.results[a]]),
        },
        layout: 'lightHorizontalLines',
        margin: [0, 4, 0, 2],
      });
    }
    for (const [part, value] of Object.entries(t.extra).filter(([, v]) => v)) {
      content.push(...labelled(EXTRA_LABELS[part] ?? part, value));
    }
  }
  return content;
}

interface Cell {
  topicId: number;
  childId: number;
  area: string;
  mark: string | null;
  reason: string | null;
  late: unknown;
}

/** Every topic's sheet: its children (in the group during the topic) × its planned areas. */
export async function markSheets(
  m: EntityManager,
  group: GroupFact,
  months: PlannedMonth[],
): Promise<Content[]> {
  const topics = months.flatMap((p) => p.topics).filter((t) => t.areas.length > 0);
  if (topics.length === 0) return [{ text: 'Vērtējamu tematu nav.', italics: true }];
  const first = topics.reduce((d, t) => (t.startDate < d ? t.startDate : d), topics[0].startDate);
  const last = topics.reduce((d, t) => (t.endDate > d ? t.endDate : d), topics[0].endDate);
  const spans = await enrolmentsIn(m, [group.id], first, last);
  const childIds = [...new Set(spans.map((s) => s.childId))];
  const children = childIds.length
    ? await m.query<{ id: number; firstName: string; lastName: string }[]>(
        'SELECT id, first_name AS "firstName", last_name AS "lastName" FROM child ' +
          `WHERE id IN (${placeholders(childIds)})`,
        childIds,
      )
    : [];
  const ids = topics.map((t) => t.id);
  const cells = await m.query<Cell[]>(
    'SELECT topic_id AS "topicId", child_id AS "childId", area, mark, reason, late FROM assessment ' +
      `WHERE topic_id IN (${placeholders(ids)})`,
    ids,
  );
  const sorted = [...children].sort(
    (a, b) => compareLv(a.lastName, b.lastName) || compareLv(a.firstName, b.firstName),
  );
  const content: Content[] = [];
  for (const t of topics) {
    const inTopic = sorted.filter((c) =>
      spans.some(
        (s) =>
          s.childId === Number(c.id) &&
          s.from <= t.endDate &&
          (s.to === null || s.to >= t.startDate),
      ),
    );
    const mine = cells.filter((c) => Number(c.topicId) === t.id);
    const text = (childId: number, area: AreaCode) => {
      const cell = mine.find((c) => Number(c.childId) === childId && c.area === area);
      const value = cell?.mark ?? (cell?.reason ? 'att.' : '');
      return cell && Boolean(cell.late) && value ? `${value}*` : value;
    };
    content.push(
      {
        text: `${t.title} (${dmy(t.startDate)}–${dmy(t.endDate)})`,
        style: 'h2',
        tocItem: true,
        tocMargin: [14, 0, 0, 0],
      },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [150, ...t.areas.map(() => '*')],
          body: [
            [
              { text: 'Bērns', bold: true },
              ...t.areas.map((a): TableCell => ({ text: AREAS[a].lv, bold: true, fontSize: 7 })),
            ],
            ...inTopic.map((c) => [
              { text: `${c.lastName} ${c.firstName}` },
              ...t.areas.map((a): TableCell => ({
                text: text(Number(c.id), a),
                alignment: 'center',
              })),
            ]),
          ],
        },
        fontSize: 8,
        margin: [0, 2, 0, 8],
      },
    );
  }
  content.push({
    text:
      'S — sācis apgūt; T — turpina apgūt; A — apguvis; P — apguvis padziļināti; ' +
      'att. — attaisnots kavējums, jānovērtē vēlāk; * — ievadīts pēc termiņa.',
    fontSize: 7,
  });
  return content;
}
