import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the compiled preload script (dist/electron/preload.js). */
  preloadPath: string;
  /** A packaged app: no developer tools. */
  isProduction: boolean;
}

export const WINDOW_TITLE = 'Bērnudārza e-žurnāls';

/** Electron's BrowserWindow class, or a stand-in that records the options (tests). */
export type WindowClass<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Opens the main window. The options are written inside `new BrowserWindow({…})` itself so that
 * Electronegativity (npm run lint) reads the real values: it only sees an object literal in the
 * constructor call, and a weakened switch here fails lint. The class is passed in, so this file
 * loads nothing from 'electron' at run time and tests/unit/window.security.test.ts pins every
 * switch under plain Node. Values that are already Electron's defaults are still spelled out: a
 * default that changes between versions must not loosen the window.
 */
export function openWindow<W>(
  BrowserWindow: WindowClass<W>,
  { preloadPath, isProduction }: WindowOptionsInput,
): W {
  return new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: WINDOW_TITLE,
    // Shown on 'ready-to-show', so staff never see an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: !isProduction,
      // The browser's dictionary would send typed words (children's names) to a service on
      // some platforms and knows no Latvian on others.
      spellcheck: false,
    },
  });
}

/** Keeps what it is given: the options openWindow passes, read without Electron. */
class RecordedOptions {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

/** The main window's options, exactly as openWindow passes them to Electron. */
export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return openWindow(RecordedOptions, input).options;
}
