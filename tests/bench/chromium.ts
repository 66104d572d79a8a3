import { existsSync } from 'node:fs';

/**
 * Debian's Chromium where there is one (never a download here); elsewhere Playwright's own.
 * Shared by the e2e config, the bench and the month-switch profiler.
 */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_PATH = existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;

/** No sandbox (containers), no GPU, and nothing that reaches the network on its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
