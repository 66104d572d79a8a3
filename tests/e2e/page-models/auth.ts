import { expect, type Page } from '@playwright/test';

/** The screens before login, driven the way a person would (labels, buttons, keyboard). */
export class SetupPage {
  constructor(private readonly page: Page) {}

  async fill(
    institution: { name: string; regNo: string; address: string },
    head: { fullName: string; username: string; password: string },
  ): Promise<void> {
    const p = this.page;
    await expect(p.getByRole('heading', { name: 'Iestādes izveide' })).toBeVisible();
    await p.getByLabel('Iestādes nosaukums').fill(institution.name);
    await p.getByLabel('Reģistrācijas numurs').fill(institution.regNo);
    await p.getByLabel('Adrese').fill(institution.address);
    await p.getByRole('button', { name: 'Tālāk' }).click();
    await p.getByLabel('Vārds, uzvārds').fill(head.fullName);
    await p.getByLabel('Lietotājvārds').fill(head.username);
    await p.getByLabel('Parole', { exact: true }).fill(head.password);
    await p.getByLabel('Parole atkārtoti').fill(head.password);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Izveidot iestādi' }).click();
  }
}

export class LoginPage {
  constructor(private readonly page: Page) {}

  async login(username: string, password: string): Promise<void> {
    await this.page.getByLabel('Lietotājvārds').fill(username);
    await this.page.getByLabel('Parole', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Pieslēgties' }).click();
  }

  formError() {
    return this.page.getByTestId('form-error');
  }
}
