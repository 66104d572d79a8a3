import { expect, type Page } from '@playwright/test';
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

  async date(label: string, value: string): Promise<void> {
    const input = this.page.getByLabel(label, { exact: true });
    await input.fill(value);
    await input.press('Escape');
    await expect(input).toHaveValue(value);
  }

  async choose(label: string, option: string | RegExp): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
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
