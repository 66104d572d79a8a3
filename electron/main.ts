import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { DEFAULT_LOCALE } from '../common/locale';
import { message } from '../common/messages';
import { backupOnExit } from './api/backup/on-exit';
import { secureDataFolder } from './api/data-folder';
import { lockDataDir } from './api/data-lock';
import { Router } from './api/router';
import { Backend } from './client/backend';
import { CONTENT_SECURITY_POLICY } from './csp';
import { registerFileDialogs } from './file-dialogs';
import { registerIpc } from './ipc';
import { APP_INDEX_URL, APP_SCHEME, isAppUrl, mimeType, resolveAppPath } from './security';
import { startRelease } from './updater';
import { openWindow } from './window';

const APP_ID = 'lv.pii.register';
/** dist/electron → dist/renderer, inside app.asar when packaged. */
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');
/** The Electron build of the driver made by `npm start` (scripts/prepare-electron.mjs). */
const DEV_NATIVE_BINDING = path.join(
  __dirname,
  '..',
  '..',
  '.electron-native',
  'better_sqlite3.node',
);

const RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

/**
 * A packaged app has the driver rebuilt for Electron by electron-builder (npmRebuild); in
 * development node_modules holds the Node build the tests use, so the separate Electron build
 * is passed instead.
 */
function nativeBinding(): string | undefined {
  return !app.isPackaged && existsSync(DEV_NATIVE_BINDING) ? DEV_NATIVE_BINDING : undefined;
}

function notFound(status = 404): Response {
  return new Response(null, { status, headers: RESPONSE_HEADERS });
}

/** Serves dist/renderer under app://register/ with the CSP on every answer. */
async function serveApp(request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(405);
  const file = resolveAppPath(RENDERER_DIR, request.url);
  if (!file) return notFound();
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return notFound();
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...RESPONSE_HEADERS, 'content-type': mimeType(file) },
  });
}

/** Applied to every webContents, including any the app never meant to create. */
function hardenContents(contents: Electron.WebContents): void {
  const guard = (event: Electron.Event<{ url: string }>): void => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      console.warn('Navigation blocked:', event.url.slice(0, 200));
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function denyAllPermissions(): void {
  // Camera, microphone, notifications, geolocation, USB, serial…: the register needs none.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
}

function createWindow(): BrowserWindow {
  const window = openWindow(BrowserWindow, {
    preloadPath: path.join(__dirname, 'preload.js'),
    isProduction: app.isPackaged,
  });
  window.once('ready-to-show', () => window.show());
  // The renderer refuses to unload while it holds unsaved input (its beforeunload); Electron
  // then only cancels the close, so the person is asked here, in the UI's language.
  window.webContents.on('will-prevent-unload', (event) => {
    const locale = backend?.local?.state.locale ?? DEFAULT_LOCALE;
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: message(locale, 'unsaved.closeTitle'),
      message: message(locale, 'unsaved.closeMessage'),
      buttons: [message(locale, 'unsaved.closeStay'), message(locale, 'unsaved.closeLeave')],
      defaultId: 0,
      cancelId: 0,
    });
    if (choice === 1) event.preventDefault();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(APP_INDEX_URL).catch((err: unknown) => {
    console.error('Could not load the UI:', err);
  });
  return window;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

let disposing: Promise<void> | null = null;
let releaseLock: () => void = () => undefined;
let disposed = false;

/** Backs up if due, closes the database (and forgets the key) once, however the app quits. */
function disposeRouter(): Promise<void> {
  // The day's automatic backup, if it is due and someone is logged in, then the database closes
  // (a PC that works with a server logs out there instead).
  const current = backend;
  const local = current?.local;
  disposing ??= (
    current
      ? (local ? backupOnExit(local) : Promise.resolve()).then(() => current.dispose())
      : Promise.resolve()
  )
    .catch((err: unknown) => console.error('Closing the register failed:', err))
    .finally(() => {
      releaseLock();
      disposed = true;
    });
  return disposing;
}

async function start(): Promise<void> {
  await app.whenReady();
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  denyAllPermissions();
  protocol.handle(APP_SCHEME, serveApp);

  const dataDir = app.getPath('userData');
  secureDataFolder(dataDir);
  // Browser mode may hold this folder; two programs must never open one database.
  const lock = lockDataDir(dataDir);
  if ('heldBy' in lock) {
    dialog.showErrorBox(
      'Bērnudārza e-žurnāls',
      `Datu mape jau ir atvērta citā programmā (process ${lock.heldBy}).`,
    );
    app.exit(1);
    return;
  }
  releaseLock = lock.release;
  const release = startRelease(app, dataDir, () => backend?.local?.state.dirty.any() ?? false);
  // This PC's register, or (once chosen at first run) the kindergarten's server.
  backend = new Backend(dataDir, () => {
    const router = new Router({ dataDir, nativeBinding: nativeBinding(), release });
    router.startIdleWatch();
    return router;
  });
  registerIpc(ipcMain, backend);
  registerFileDialogs(
    ipcMain,
    dialog,
    (event) => BrowserWindow.fromWebContents(event.sender),
    () => backend?.local?.state.locale ?? DEFAULT_LOCALE,
  );

  mainWindow = createWindow();
  release.updates?.start();
}

// One register per PC session: a second launch hands over to the window already open, so two
// processes never hold the same database.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Both must happen before 'ready'.
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);

  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  app.on('window-all-closed', () => {
    void disposeRouter().finally(() => app.quit());
  });
  // app.quit() from elsewhere (the updater, the OS menu) skips 'window-all-closed'; hold the
  // quit until the database is closed.
  app.on('will-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    void disposeRouter().finally(() => app.quit());
  });

  start().catch((err: unknown) => {
    console.error('The register could not start:', err);
    app.exit(1);
  });
}
