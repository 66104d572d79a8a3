import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETUP, tempDir, testBackend } from './helpers';

/** A USB stick with two folders, a backup and a file that is no backup. */
function usbStick(): string {
  const usb = tempDir('register-usb-');
  mkdirSync(path.join(usb, 'Ābeles'));
  mkdirSync(path.join(usb, 'Bērzi'));
  writeFileSync(path.join(usb, 'PII_2026-11-30.kgbak'), 'x');
  writeFileSync(path.join(usb, 'piezīmes.txt'), 'x');
  return usb;
}

describe("browser mode's folder picker", () => {
  it('lists folders, and backups when restoring, with the way up; the head only', async () => {
    const usb = usbStick();
    const b = testBackend({ folderPicker: true });
    await b.ok('auth.setup', SETUP);
    const folders = await b.ok('backup.browse', { path: usb });
    expect(folders).toMatchObject({
      path: usb,
      parent: path.dirname(usb),
      folders: ['Ābeles', 'Bērzi'],
      backups: [],
      truncated: false,
    });
    expect(folders.roots.length).toBeGreaterThan(0);
    const files = await b.ok('backup.browse', { path: usb, backups: true });
    expect(files.backups).toEqual(['PII_2026-11-30.kgbak']);
    expect((await b.ok('backup.browse', { path: '/' })).parent).toBeNull();

    const missing = await b.fail('backup.browse', { path: path.join(usb, 'nav') });
    expect(missing.fields).toEqual({ path: 'Šāda mape nav atrasta.' });
    const relative = await b.fail('backup.browse', { path: 'usb' });
    expect(relative.fields?.path).toBe('Ievadiet pilnu ceļu, piemēram, E:\\ vai /media/usb.');
    // Only the first-run screen may list before anyone logs in.
    const setup = await b.fail('backup.browseSetup', { path: usb });
    expect(setup.code).toBe('SETUP_DONE');
    await b.ok('auth.logout', {});
    expect((await b.fail('backup.browse', { path: usb })).code).toBe('UNAUTHENTICATED');
  });

  it('lists on the first-run screen of a new PC, before any account exists', async () => {
    const usb = usbStick();
    const b = testBackend({ folderPicker: true });
    const listing = await b.ok('backup.browseSetup', { path: usb, backups: true });
    expect(listing.backups).toEqual(['PII_2026-11-30.kgbak']);
  });

  it('is refused by the desktop build, which opens the system dialog instead', async () => {
    const b = testBackend();
    expect(await b.fail('backup.browseSetup', { path: usbStick() })).toMatchObject({
      code: 'UNAVAILABLE',
      message: 'Galddatora programmā mapi izvēlas sistēmas dialoglodziņā.',
    });
    await b.ok('auth.setup', SETUP);
    expect((await b.fail('backup.browse', {})).code).toBe('UNAVAILABLE');
  });
});
