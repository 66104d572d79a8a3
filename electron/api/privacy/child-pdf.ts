import type { Content, TableCell } from 'pdfmake/interfaces';
import { auditActionLabel } from '../../../common/audit-actions';
import { dmy } from '../../../common/dates';
import { AREAS, type AreaCode } from '../../../common/planning-reference';
import { rigaDate } from '../clock';
import { rigaTime } from '../attendance/riga-time';
import { renderPdf } from '../pdf';
import type { ChildData } from './child-data';

/** The child's data on request as a document for people (Latvian, as the register's papers). */

const RELATIONS: Record<string, string> = {
  mother: 'māte',
  father: 'tēvs',
  guardian: 'aizbildnis',
  other: 'cits',
};
const CONSENTS: Record<string, string> = {
  register: 'e-žurnāls un ziņas',
  photos: 'fotogrāfijas',
  walks: 'pastaigas un ekskursijas',
};
const KINDS: Record<string, string> = {
  play: 'rotaļnodarbība',
  individualWork: 'individuālais darbs',
  individualLesson: 'individuālā nodarbība',
};
const SUBJECTS: Record<string, string> = {
  results: 'sasniedzamie rezultāti',
  rules: 'iekšējās kārtības noteikumi',
  behaviour: 'uzvedība',
  other: 'cits',
};
const ROLES: Record<string, string> = {
  teacher: 'skolotāja',
  nurse: 'māsa',
  substitute: 'aizvietotāja',
};

/** Roboto has no "→": the change reads "N › NS". */
const ARROW = ' › ';
const at = (instant: string) =>
  `${dmy(rigaDate(new Date(instant)))} ${rigaTime(new Date(instant))}`;
const day = (date: string | null) => (date ? dmy(date) : '—');
const code = (c: string | null) => c ?? 'ieradies';
const mark = (m: string | null, reason: string | null) =>
  m ?? (reason === 'excused' ? 'attaisnots kavējums' : '—');
const area = (a: string) => AREAS[a as AreaCode]?.lv ?? a;

function table(headers: string[], rows: TableCell[][], widths?: (string | number)[]): Content {
  return {
    table: {
      headerRows: 1,
      widths: widths ?? headers.map(() => '*'),
      body: [headers.map((h) => ({ text: h, bold: true })), ...rows],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8.5,
    margin: [0, 2, 0, 6],
  };
}

function section(
  title: string,
  rows: TableCell[][],
  headers: string[],
  widths?: (string | number)[],
): Content[] {
  return [
    { text: title, style: 'h2' },
    rows.length
      ? table(headers, rows, widths)
      : { text: 'Nav ierakstu.', italics: true, margin: [0, 0, 0, 6] },
  ];
}

function absenceTotals(data: ChildData): string {
  const count = (c: string) => data.attendance.filter((a) => a.code === c).length;
  return `Kavējumi kopā: NS — ${count('NS')}, NC — ${count('NC')}, N — ${count('N')}. Grupā pavadītās dienas, kas nav sarakstā, bērns apmeklēja.`;
}

export async function childPdf(data: ChildData): Promise<Buffer> {
  const c = data.child;
  const content: Content[] = [
    { text: data.institution.name, fontSize: 10, color: '#555' },
    { text: 'Bērna dati pēc pieprasījuma', style: 'h1' },
    { text: `${c.firstName} ${c.lastName}`, fontSize: 13, bold: true },
    {
      text: `Sagatavots ${at(data.generatedAt)}. Viss, kas par bērnu ir e-žurnālā.`,
      margin: [0, 2, 0, 6],
    },
    ...section(
      'Personas dati',
      [
        ['Vārds, uzvārds', `${c.firstName} ${c.lastName}`],
        ['Personas kods', c.personalCode],
        ['Dzimšanas datums', day(c.birthDate)],
        ['Reģistrēts e-žurnālā', at(c.createdAt)],
        ...(c.anonymisedAt ? [['Anonimizēts', at(c.anonymisedAt)]] : []),
      ],
      ['Lauks', 'Vērtība'],
      [150, '*'],
    ),
    ...section(
      'Vecāki (likumiskie pārstāvji)',
      data.guardians.map((g) => [
        `${g.firstName} ${g.lastName}`,
        RELATIONS[g.relation] ?? g.relation,
        g.phone ?? '—',
        g.email ?? '—',
        g.consents.map((k) => CONSENTS[k] ?? k).join(', ') || '—',
      ]),
      ['Vārds, uzvārds', 'Saistība', 'Tālrunis', 'E-pasts', 'Piekrišanas'],
    ),
    ...section(
      'Grupas',
      data.enrolments.map((e) => [e.group, day(e.fromDate), day(e.toDate)]),
      ['Grupa', 'No', 'Līdz'],
    ),
    ...section(
      'Apmeklējums: kavējumi',
      data.attendance.map((a) => [
        day(a.date),
        a.code,
        a.group,
        a.corrected ? 'māsas labojums' : '',
      ]),
      ['Datums', 'Kods', 'Grupa', 'Piezīme'],
    ),
    { text: absenceTotals(data), fontSize: 9, margin: [0, 0, 0, 6] },
    ...section(
      'Apmeklējuma izmaiņu vēsture',
      data.attendanceHistory.map((h) => [
        day(h.date),
        `${code(h.before)}${ARROW}${code(h.after)}`,
        `${h.by} (${ROLES[h.as] ?? h.as})${h.onBehalfOf ? `, aizvieto ${h.onBehalfOf}` : ''}`,
        h.reason ?? '',
        at(h.at),
      ]),
      ['Datums', 'Izmaiņa', 'Kas', 'Iemesls', 'Kad'],
    ),
    ...section(
      'Vērtējumi',
      data.marks.map((r) => [
        `${r.topic} (${day(r.startDate)}–${day(r.endDate)})`,
        area(r.area),
        mark(r.mark, r.reason),
        r.late ? 'novēloti' : '',
      ]),
      ['Temats', 'Mācību joma', 'Vērtējums', ''],
      ['*', 150, 90, 50],
    ),
    ...section(
      'Vērtējumu izmaiņu vēsture',
      data.markHistory.map((h) => [
        h.topic,
        area(h.area),
        `${mark(h.before || null, h.before)}${ARROW}${mark(h.after || null, h.after)}`,
        h.by,
        at(h.at),
      ]),
      ['Temats', 'Mācību joma', 'Izmaiņa', 'Kas', 'Kad'],
    ),
    ...section(
      'Individuālais darbs',
      data.individualWork.map((e) => [
        day(e.date),
        KINDS[e.kind] ?? e.kind,
        e.content,
        e.minutes ?? '',
        e.by,
      ]),
      ['Datums', 'Veids', 'Saturs', 'Min.', 'Kas'],
      [55, 80, '*', 30, 90],
    ),
    ...section(
      'Individuālās sarunas ar vecākiem',
      data.talks.map((t) => [
        day(t.date),
        SUBJECTS[t.subject] ?? t.subject,
        t.content,
        t.agreed,
        t.guardians.join(', '),
        t.by,
      ]),
      ['Datums', 'Tēma', 'Saturs', 'Vienošanās', 'Vecāki', 'Kas'],
    ),
    ...section(
      'Vecāku iesniegumi',
      data.applications.map((a) => [
        day(a.receivedOn),
        a.parentName,
        a.parentPhone,
        a.status,
        day(a.connectedOn),
      ]),
      ['Saņemts', 'Vecāks', 'Tālrunis', 'Statuss', 'Pieslēgts'],
    ),
    ...section(
      'Vēstules vecākiem',
      data.messages.map((msg) => [at(msg.sentAt), msg.from, msg.to, msg.subject, msg.text]),
      ['Nosūtīta', 'No', 'Kam', 'Temats', 'Teksts'],
    ),
    ...section(
      'Notikumi par bērnu (notikumu žurnāls)',
      data.auditEvents.map((e) => [
        at(e.at),
        e.onBehalfOfName ? `${e.actorName} (aizvieto ${e.onBehalfOfName})` : e.actorName,
        auditActionLabel(e.action, 'lv'),
        e.changes.map((ch) => `${ch.field}: ${ch.before}${ARROW}${ch.after}`).join('\n'),
      ]),
      ['Laiks', 'Kas', 'Notikums', 'Izmaiņas'],
      [70, 90, 100, '*'],
    ),
  ];
  return renderPdf({
    content,
    pageMargins: [36, 36, 36, 40],
    defaultStyle: { fontSize: 10 },
    styles: {
      h1: { fontSize: 16, bold: true, margin: [0, 4, 0, 6] },
      h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 2] },
    },
    footer: (page, pages) => ({
      text: `${page} / ${pages}`,
      alignment: 'right',
      fontSize: 8,
      margin: [0, 10, 36, 0],
    }),
    info: { title: `Bērna dati ${c.firstName} ${c.lastName}` },
  });
}
