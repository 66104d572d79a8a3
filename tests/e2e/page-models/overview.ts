import type { Download, Page } from '@playwright/test';
import { WorkingCalendar } from '../../../common/calendar';
import { addDays, monthBounds } from '../../../common/dates';
import type { RunningApp } from '../fixtures';
import { STAFF_PASSWORD, seedKindergarten } from './attendance';

export { STAFF_PASSWORD };

const CHILDREN: [string, string, string][] = [
  ['Elza', 'Ozoliņa', '2022-03-14'],
  ['Jānis', 'Bērziņš', '2022-05-02'],
  ['Līga', 'Šmite', '2022-07-21'],
];

/**
 * The attendance seed (head ilze, deputy dace, teacher anna, nurse marta, «Zīlītes») with a
 * history up to the day before `today`: anna's plans for September to November (late, written
 * now), every working day confirmed but `skip`, the nurse's check of each day, and the deputy's
 * checks of the topics that started before November.
 */
export async function seedHistory(app: RunningApp, today: string, skip: string) {
  const { groupId } = await seedKindergarten(app, CHILDREN);
  const calendar = new WorkingCalendar();
  const days: string[] = [];
  for (let d = '2026-09-01'; d < today; d = addDays(d, 1)) {
    if (calendar.isWorkingDay(d)) days.push(d);
  }
  await app.api('auth.login', { username: 'anna', password: STAFF_PASSWORD });
  const topics: { id: number; startDate: string }[] = [];
  for (const month of ['2026-09', '2026-10', '2026-11']) {
    const [startDate, endDate] = monthBounds(month);
    const plan = await app.api('planning.saveTopic', {
      groupId,
      month,
      topic: {
        title: `Temats ${month}`,
        startDate,
        endDate,
        message: 'Runāsim par gadalaikiem.',
        content: '',
        values: [],
        valuesText: '',
        skills: [],
        results: { VAL: '', SOC: '', KUL: '', DAB: '', MAT: '', TEH: '', VES: '' },
        extra: {
          excursions: '',
          walks: '',
          safety: '',
          parents: '',
          events: '',
          areaProcess: '',
          talkingWall: '',
          other: '',
        },
      },
    });
    await app.api('planning.submit', { planId: plan.id! });
    topics.push(...plan.topics.map((t) => ({ id: t.id, startDate: t.startDate })));
  }
  // A few absences for the charts: ill in September, a family holiday and a day unexcused.
  const [elza, janis, liga] = (await app.api('attendance.day', { groupId, date: days[0] }))
    .children;
  const away = (child: { childId: number }, code: 'NS' | 'NC' | 'N', dates: string[]) =>
    dates.map((date) => ({ childId: child.childId, date, expected: null, code }));
  await app.api('attendance.save', {
    groupId,
    changes: [
      ...away(elza, 'NS', ['2026-09-14', '2026-09-15', '2026-09-16']),
      ...away(janis, 'NC', ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08']),
      ...away(liga, 'N', ['2026-10-26']),
    ],
    reason: '',
  });
  for (const date of days) {
    if (date !== skip) await app.api('attendance.confirm', { groupId, date });
  }
  await app.api('auth.logout');
  await app.api('auth.login', { username: 'marta', password: STAFF_PASSWORD });
  for (const date of days) await app.api('attendance.nurseConfirm', { date });
  await app.api('auth.logout');
  await app.api('auth.login', { username: 'dace', password: STAFF_PASSWORD });
  for (const t of topics.filter((x) => x.startDate < '2026-11-01')) {
    await app.api('supervision.checkSave', {
      date: today,
      groupId,
      topicId: t.id,
      findings: 'Apmeklējums ievadīts, plāns iesniegts.',
      recommendations: '',
      correctionDate: null,
    });
  }
  await app.api('auth.logout');
  return { groupId };
}

/** The home list, the supervision report, the charts, the archive and the prints. */
export class OverviewPage {
  constructor(private readonly page: Page) {}

  dueList() {
    return this.page.getByTestId('due-list');
  }

  /** A line of the home list by (part of) its text. */
  dueItem(text: string | RegExp) {
    return this.dueList().getByRole('listitem').filter({ hasText: text });
  }

  async openDue(text: string | RegExp): Promise<void> {
    await this.dueItem(text).getByRole('link').click();
  }

  async openSupervision(): Promise<void> {
    await this.page.getByRole('link', { name: 'Uzraudzība' }).click();
  }

  report() {
    return this.page.getByTestId('sv-report');
  }

  /** A late or missing count of the report, by obligation, group id and outcome. */
  count(obligation: string, groupId: number | string, outcome: 'late' | 'missing') {
    return this.page.getByTestId(`sv-${obligation}-${groupId}-${outcome}`);
  }

  /** The items behind the count that was opened. */
  items() {
    return this.page.getByTestId('sv-items');
  }

  async date(label: 'No' | 'Līdz', value: string): Promise<void> {
    const field = this.page.getByLabel(label, { exact: true });
    await field.fill(value);
    await field.press('Escape');
  }

  async show(): Promise<void> {
    await this.page.getByTestId('sv-show').click();
  }

  async exportPdf(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('sv-pdf').click();
    return download;
  }

  async openCharts(): Promise<void> {
    await this.page.getByRole('link', { name: 'Diagrammas' }).click();
  }

  chart(id: string) {
    return this.page.getByTestId(`chart-${id}`);
  }

  async toggleTable(id: string): Promise<void> {
    await this.page.getByTestId(`chart-${id}-toggle`).click();
  }

  chartTable(id: string) {
    return this.page.getByTestId(`chart-${id}-table`);
  }

  /** The browser's print, recorded instead of opened: which card was the print's target. */
  async stubPrint(): Promise<void> {
    await this.page.evaluate(() => {
      window.print = () => {
        const target = document.querySelector('.print-target')?.getAttribute('data-testid');
        document.body.setAttribute('data-printed', target ?? '');
      };
    });
  }

  printed() {
    return this.page.locator('body');
  }

  async printChart(id: string): Promise<void> {
    await this.chart(id).getByRole('button', { name: 'Drukāt' }).click();
  }

  /** A refusal shown beside a field. */
  fieldError() {
    return this.page.locator('.period').getByRole('alert');
  }

  /** The attendance day the drill-down landed on: its group and date. */
  dayGroup() {
    // The select is named by the group it shows; its label sits beside it in the field.
    return this.page.locator('.field').filter({ hasText: 'Grupa' }).getByRole('combobox');
  }

  dayDate() {
    return this.page.getByLabel('Datums', { exact: true });
  }

  async openArchive(): Promise<void> {
    await this.page.getByRole('link', { name: 'Gada arhīvs' }).click();
  }

  /** A PrimeVue select by its label, then one of its options by name. */
  async choose(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async startArchive(): Promise<void> {
    await this.page.getByTestId('ar-start').click();
  }

  archivePart() {
    return this.page.getByTestId('ar-part');
  }

  async downloadArchive(index = 0): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId(`ar-file-${index}`).click();
    return download;
  }
}
