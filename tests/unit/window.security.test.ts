import { describe, expect, it } from 'vitest';
import { WINDOW_TITLE, windowOptions } from '../../electron/window';

const preloadPath = '/opt/register/dist/electron/preload.js';
const production = windowOptions({ preloadPath, isProduction: true });
const development = windowOptions({ preloadPath, isProduction: false });

describe('windowOptions: renderer isolation (same in every build)', () => {
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['spellcheck', false],
  ] as const)('%s is %s', (key, value) => {
    expect(production.webPreferences?.[key]).toBe(value);
    expect(development.webPreferences?.[key]).toBe(value);
  });

  it('loads the given preload script', () => {
    expect(production.webPreferences?.preload).toBe(preloadPath);
  });

  it('turns on nothing that loosens the renderer', () => {
    const prefs = production.webPreferences ?? {};
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('partition');
  });
});

describe('windowOptions: developer tools', () => {
  it('are available in development', () => {
    expect(development.webPreferences?.devTools).toBe(true);
  });

  it('are off in production', () => {
    expect(production.webPreferences?.devTools).toBe(false);
  });
});

describe('windowOptions: the window itself', () => {
  it('is 1280×800 and at least 1024×700', () => {
    expect(production).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 700 });
  });

  it('has the Latvian title', () => {
    expect(production.title).toBe('Bērnudārza e-žurnāls');
    expect(WINDOW_TITLE).toBe('Bērnudārza e-žurnāls');
  });

  it('stays hidden until ready-to-show, over a set background colour', () => {
    expect(production.show).toBe(false);
    expect(production.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('is a new object on every call, so a caller cannot loosen the next window', () => {
    const a = windowOptions({ preloadPath, isProduction: true });
    const b = windowOptions({ preloadPath, isProduction: true });
    expect(a).toEqual(b);
    expect(a.webPreferences).not.toBe(b.webPreferences);
  });
});
