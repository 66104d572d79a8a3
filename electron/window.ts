import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the compiled preload script (dist/electron/preload.js). */
  preloadPath: string;
  /** A packaged app: no developer tools. */
  isProduction: boolean;
}

export const WINDOW_TITLE = 'Bērnudārza e-žurnāls';

/**
 * The main window's options. Pure (only types from 'electron') so that every hardening switch
 * is pinned by tests/unit/window.security.test.ts. Values that are already Electron's defaults
 * are still spelled out: a default that changes between versions must not loosen the window.
 */
export function windowOptions({
  preloadPath,
  isProduction,
}: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
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
  };
}
