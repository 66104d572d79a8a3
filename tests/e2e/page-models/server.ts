import { expect, type Page } from '@playwright/test';

/** First run's other choice: this PC connects to the kindergarten's server. */
export class ConnectServerPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Pieslēgties bērnudārza serverim' });
  }

  /** From the first-run screen, by the link under the form. */
  async open(): Promise<void> {
    await this.page
      .getByRole('link', { name: 'Bērnudārzam ir serveris? Pieslēgt šo datoru serverim' })
      .click();
    await expect(this.heading()).toBeVisible();
  }

  /** Types the address and the fingerprint and submits with Enter, keyboard only. */
  async connect(address: string, fingerprint: string): Promise<void> {
    const address_ = this.page.getByLabel('Servera adrese');
    await address_.fill(address);
    await address_.press('Tab');
    await this.page.keyboard.type(fingerprint);
    await this.page.keyboard.press('Enter');
  }

  error() {
    return this.page.getByTestId('form-error');
  }

  /** The line under the pre-login screens naming the server this PC works with. */
  server() {
    return this.page.getByTestId('server-address');
  }
}
