import type { Content, TableCell } from 'pdfmake/interfaces';
import type { EntryRow, TalkRow } from '../../../common/contract/journals';
import type { CheckRow, DiaryRow } from '../../../common/contract/supervision';
import { dmy } from '../../../common/dates';

/**
 * The journals as printed tables (Latvian, as the register's other prints): the individual work
 * journal (3.6, 3.7), talks with parents (3.10), the deputy's diary (3.8) and the journal checks
 * (3.9, 3.12). The journal prints and the year-end archive both lay them out with these.
 */

const KIND: Record<string, string> = {
  play: 'Rotaļnodarbība',
  individualWork: 'Individuālais darbs',
  individualLesson: 'Individuālā nodarbība',
};
const SUBJECT: Record<string, string> = {
  results: 'Sasniedzamie rezultāti',
  rules: 'Iekšējie normatīvie dokumenti',
  behaviour: 'Uzvedība',
  other: 'Cits',
};
const DIARY_KIND: Record<string, string> = {
  meeting: 'Informatīvā sanāksme',
  activity: 'Aktivitāte',
  consultation: 'Konsultācija',
  observation: 'Rotaļnodarbības vērojums',
  other: 'Cits',
};
const LATE = 'ievadīts novēloti';

export const JOURNAL_TITLES = {
  individualWork: 'Individuālā darba žurnāls',
  talks: 'Individuālās sarunas ar vecākiem',
  diary: 'Vadītāja vietnieka dienasgrāmata',
  checks: 'Ieraksti par žurnāla pārbaudi',
} as const;

const EMPTY = 'Šajā periodā ierakstu nav.';

function grid(header: string[], rows: string[][], widths: (string | number)[]): Content {
  if (rows.length === 0) return { text: EMPTY, italics: true, margin: [0, 4, 0, 8] };
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [
        header.map((text): TableCell => ({ text, bold: true, fillColor: '#eeeeee' })),
        ...rows.map((r) => r.map((text): TableCell => ({ text }))),
      ],
    },
    fontSize: 8,
    margin: [0, 2, 0, 10],
  };
}

const byline = (r: { authorName: string; onBehalfOfName: string | null }) =>
  r.onBehalfOfName ? `${r.authorName} (aizvieto ${r.onBehalfOfName})` : r.authorName;
const dated = (date: string, late: boolean) => (late ? `${dmy(date)}\n${LATE}` : dmy(date));
const oldestFirst = <T extends { date: string; id: number }>(rows: T[]) =>
  [...rows].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);

export function entriesTable(rows: EntryRow[]): Content {
  return grid(
    ['Datums', 'Veids', 'Bērni', 'Saturs', 'Ilgums', 'Ierakstīja'],
    oldestFirst(rows).map((e) => [
      dated(e.date, e.late),
      KIND[e.kind] ?? e.kind,
      e.children.map((c) => c.name).join(', '),
      e.content,
      e.durationMinutes === null ? '' : `${e.durationMinutes} min`,
      byline(e),
    ]),
    [52, 62, 80, '*', 36, 80],
  );
}

export function talksTable(rows: TalkRow[]): Content {
  return grid(
    ['Datums', 'Bērns', 'Vecāki', 'Temats', 'Saturs', 'Vienošanās', 'Ierakstīja'],
    oldestFirst(rows).map((t) => [
      dated(t.date, t.late),
      t.childName,
      t.guardians.map((g) => g.name).join(', '),
      SUBJECT[t.subject] ?? t.subject,
      t.content,
      t.agreed,
      byline(t),
    ]),
    [52, 62, 62, 56, '*', '*', 66],
  );
}

export function diaryTable(rows: DiaryRow[]): Content {
  return grid(
    ['Datums', 'Veids', 'Dalībnieki', 'Saturs', 'Ierakstīja'],
    oldestFirst(rows).map((d) => [
      dated(d.date, d.late),
      DIARY_KIND[d.kind] ?? d.kind,
      d.participants,
      d.content,
      d.authorName,
    ]),
    [52, 70, 80, '*', 70],
  );
}

export function checksTable(rows: CheckRow[]): Content {
  return grid(
    ['Datums', 'Grupa', 'Temats', 'Konstatētais', 'Ieteikumi', 'Labot līdz', 'Pārbaudīja'],
    oldestFirst(rows).map((c) => [
      dmy(c.date),
      c.groupName,
      `${c.topicTitle} (${dmy(c.topicStart)})`,
      c.findings,
      c.recommendations,
      c.correctionDate ? dmy(c.correctionDate) : '',
      `${c.authorName}\n${c.authorRole === 'head' ? 'vadītāja' : 'vietniece'}`,
    ]),
    [48, 54, 70, '*', '*', 48, 64],
  );
}
