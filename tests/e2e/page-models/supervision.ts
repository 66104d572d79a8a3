import { expect, type Page } from '@playwright/test';
import { formDialog } from '../fixtures';
import type { RunningApp } from '../fixtures';
import { STAFF_PASSWORD, seedGroup } from './planning';

export { STAFF_PASSWORD };

/**
 * The planning seed (head ilze, deputy dace, teacher anna in «Zīlītes») plus a topic anna
 * planned that started on Monday 7 December 2026.
 */
export async function seedSupervision(app: RunningApp) {
  const { groupId } = await seedGroup(app, [['Elza', 'Ozoliņa', '2022-03-14']]);
  await app.api('auth.login', { username: 'anna', password: STAFF_PASSWORD });
  const empty = { excursions: '', walks: '', safety: '', parents: '', events: '' };
  await app.api('planning.saveTopic', {
    groupId,
    month: '2026-12',
    topic: {
      title: 'Ziema',
      startDate: '2026-12-07',
      endDate: '2026-12-18',
      message: 'Ziema ir balta.',
      content: '',
      values: [],
      valuesText: '',
      skills: [],
      results: { VAL: 'Stāsta par ziemu.', SOC: '', KUL: '', DAB: '', MAT: '', TEH: '', VES: '' },
      extra: { ...empty, areaProcess: '', talkingWall: '', other: '' },
    },
  });
  await app.api('auth.logout');
  return { groupId };
}

/** The diary and journal-check screens, driven by labels and buttons. */
export class SupervisionPage {
  constructor(private readonly page: Page) {}

  diaryLink() {
    return this.page
      .getByTestId('main-nav')
      .getByRole('link', { name: 'Dienasgrāmata', exact: true });
  }

  async openDiary(): Promise<void> {
    await this.diaryLink().click();
  }

  diaryHeading() {
    return this.page.getByRole('heading', { name: 'Vadītāja vietnieka dienasgrāmata' });
  }

  async openChecks(): Promise<void> {
    await this.page.getByRole('link', { name: 'Žurnālu pārbaudes' }).click();
  }

  uncheckedHeading() {
    return this.page.getByRole('heading', { name: 'Temati bez pārbaudes' });
  }

  /** A date field of the open form, by its label. */
  dateField(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The date picker's calendar, by its Latvian accessible name. */
  calendar() {
    return this.page.getByRole('dialog', { name: 'Izvēlēties datumu' });
  }

  previousMonthButton() {
    return this.calendar().getByRole('button', { name: 'Iepriekšējais mēnesis' });
  }

  addEntryButton() {
    return this.page.getByTestId('add-entry');
  }

  async saveDiary(): Promise<void> {
    await this.page.getByTestId('diary-save').click();
  }

  diaryTable() {
    return this.page.getByTestId('diary-table');
  }

  /** A diary entry's row, by a piece of its text. */
  diaryRow(text: string) {
    return this.diaryTable().getByRole('row').filter({ hasText: text });
  }

  /** The open form dialog (diary entry or check). */
  dialog() {
    return formDialog(this.page);
  }

  /** The started topics without a check, and their "Ierakstīt pārbaudi" buttons. */
  unchecked() {
    return this.page.getByTestId('unchecked');
  }

  uncheckedEmpty() {
    return this.page.getByTestId('unchecked-empty');
  }

  async checkTopic(group: string, topic: string): Promise<void> {
    await this.unchecked()
      .getByRole('button', { name: `Ierakstīt pārbaudi: ${group}, ${topic}` })
      .click();
  }

  /** A select of the check form (Grupa, Temats), to read what it shows. */
  /** A field of the open form (the checks list has its own "Grupa" filter above it). */
  select(label: string) {
    return this.dialog().getByRole('combobox', { name: label });
  }

  addCheckButton() {
    return this.page.getByTestId('add-check');
  }

  async startCheck(): Promise<void> {
    await this.addCheckButton().click();
    await expect(this.page.getByRole('dialog', { name: 'Jauna žurnāla pārbaude' })).toBeVisible();
  }

  async saveCheck(): Promise<void> {
    await this.page.getByTestId('check-save').click();
  }

  checks() {
    return this.page.getByTestId('checks');
  }

  /** The head's count of her checks this school year. */
  headCount() {
    return this.page.getByTestId('head-count');
  }

  async date(label: string, value: string): Promise<void> {
    const input = this.page.getByLabel(label, { exact: true });
    await input.fill(value);
    await input.press('Escape');
    await expect(input).toHaveValue(value);
  }

  async choose(label: string, option: string | RegExp): Promise<void> {
    await this.select(label).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  async diaryEntry(e: { date: string; kind: string; participants: string; content: string }) {
    const p = this.page;
    await p.getByTestId('add-entry').click();
    await expect(p.getByRole('dialog', { name: 'Pievienot ierakstu' })).toBeVisible();
    await this.date('Datums', e.date);
    await this.choose('Veids', e.kind);
    await p.getByLabel('Dalībnieki').fill(e.participants);
    await p.getByLabel('Saturs').fill(e.content);
  }

  async fillCheck(c: { findings: string; recommendations: string; correction: string }) {
    const p = this.page;
    await p.getByLabel('Konstatētais').fill(c.findings);
    await p.getByLabel('Ieteikumi').fill(c.recommendations);
    await this.date('Labot līdz', c.correction);
  }
}
