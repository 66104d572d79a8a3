import type { Page } from '@playwright/test';

/** The frame around every screen after login: the menu, who is logged in, messages, logout. */
export class AppLayout {
  constructor(private readonly page: Page) {}

  /** A menu entry (or any link of the screen) by its visible name. */
  link(name: string, options: { exact?: boolean } = {}) {
    return this.page.getByRole('link', { name, ...options });
  }

  async open(menu: string, options: { exact?: boolean } = {}): Promise<void> {
    await this.link(menu, options).click();
  }

  /**
   * A screen of the head's settings: the menu has one entry, "Iestatījumi", and its screens are
   * tabs on top of each other (renderer/src/components/HubTabs.vue).
   */
  async openSettingsTab(tab: string): Promise<void> {
    await this.page
      .getByTestId('main-nav')
      .getByRole('link', { name: 'Iestatījumi', exact: true })
      .click();
    await this.page
      .getByRole('navigation', { name: 'Iestatījumi' })
      .getByRole('link', { name: tab, exact: true })
      .click();
  }

  async logout(): Promise<void> {
    await this.page.getByTestId('logout').click();
  }

  /** The home screen's greeting. */
  welcome() {
    return this.page.getByTestId('welcome');
  }

  userRole() {
    return this.page.getByTestId('user-role');
  }

  /** PrimeVue toasts: an unexpected error shows as one. */
  toasts() {
    return this.page.locator('.p-toast-message');
  }
}
