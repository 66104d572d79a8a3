import { expect, type Page } from '@playwright/test';
import type { RunningApp } from '../fixtures';

/** «Zīlīte» and its head Ilze Bērziņa (ilze, vadītājas-parole-1), set up through the API. */
export async function setUpInstitution(app: RunningApp): Promise<void> {
  await app.api('auth.setup', {
    institution: { name: 'PII «Zīlīte»', regNo: '40900012345', address: 'Skolas iela 1, Rīga' },
    head: {
      fullName: 'Ilze Bērziņa',
      username: 'ilze',
      newPassword: 'vadītājas-parole-1',
      newPasswordRepeat: 'vadītājas-parole-1',
    },
  });
}

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

  /** The first step alone with a registration number, then "Tālāk" (to see it refused). */
  async tryRegNo(regNo: string): Promise<void> {
    await this.page.getByLabel('Reģistrācijas numurs').fill(regNo);
    await this.page.getByRole('button', { name: 'Tālāk' }).click();
  }

  /** The screen's heading, in Latvian unless another is given. */
  heading(name = 'Iestādes izveide') {
    return this.page.getByRole('heading', { name });
  }

  /** The link from the first-run screen to restoring a backup instead. */
  async chooseRestore(): Promise<void> {
    await this.page.getByRole('link', { name: 'Atjaunot no rezerves kopijas' }).click();
  }
}

/** The recovery key, shown once after setup. */
export class RecoveryKeyPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Atjaunošanas atslēga' });
  }

  key() {
    return this.page.getByTestId('recovery-key');
  }

  async confirm(): Promise<void> {
    await this.page.getByLabel('Atslēga ir saglabāta drošā vietā').check();
    await this.page.getByRole('button', { name: 'Apstiprināt' }).click();
  }
}

/** The forced change of a temporary password at the first login. */
export class ChangePasswordPage {
  constructor(private readonly page: Page) {}

  forced() {
    return this.page.getByTestId('forced');
  }

  async fill(current: string, next: string): Promise<void> {
    await this.page.getByLabel('Pašreizējā parole').fill(current);
    await this.page.getByLabel('Jaunā parole', { exact: true }).fill(next);
    await this.page.getByLabel('Jaunā parole atkārtoti').fill(next);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Mainīt paroli' }).click();
  }
}

export class LoginPage {
  constructor(private readonly page: Page) {}

  async login(username: string, password: string): Promise<void> {
    await this.page.getByLabel('Lietotājvārds').fill(username);
    await this.page.getByLabel('Parole', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Pieslēgties' }).click();
  }

  /** The same by keyboard alone: the name, Tab, the password, Enter. */
  async loginByKeyboard(username: string, password: string): Promise<void> {
    await this.page.getByLabel('Lietotājvārds').focus();
    await this.page.keyboard.type(username);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(password);
    await this.page.keyboard.press('Enter');
  }

  formError() {
    return this.page.getByTestId('form-error');
  }

  heading() {
    return this.page.getByRole('heading', { name: 'Pieslēgties' });
  }

  /** Why the register was closed (idle logout). */
  idleNotice() {
    return this.page.getByTestId('idle-notice');
  }

  /** The language switch on the screens before login ('English', 'Latviešu'). */
  async switchLanguage(name: string): Promise<void> {
    await this.page.getByText(name).click();
  }
}
