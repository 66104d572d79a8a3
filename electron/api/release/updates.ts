import type { UpdateStatus } from '../../../common/contract/release';
import { checkFeedUrl, isNewer } from './versions';

/**
 * What the update logic needs of an updater. electron/updater.ts adapts electron-updater's
 * autoUpdater to it; tests and browser mode's --test pass a fake. Nothing here loads Electron.
 */
export interface UpdaterPort {
  /** Points the updater at the feed; called once, with an address checkFeedUrl accepted. */
  setFeed(url: string): void;
  /** The newest version the feed offers, or null; rejects when the feed cannot be read. */
  check(): Promise<{ version: string } | null>;
  /** Downloads what the last check found, reporting percent done; rejects when it breaks. */
  download(onProgress: (percent: number) => void): Promise<void>;
  /** Whether a downloaded update installs when the program quits. */
  setInstallOnQuit(install: boolean): void;
  /** Quits the program and installs the downloaded update. */
  quitAndInstall(): void;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
/** Time for the head's screen to get its answer before the program quits to install. */
export const INSTALL_DELAY_MS = 1500;

export interface Timers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(fn: () => void, ms: number): unknown;
}

const systemTimers: Timers = {
  setInterval: (fn, ms) => {
    const handle = setInterval(fn, ms);
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
};

export interface UpdatesOptions {
  /** null where no updater exists (browser mode, an unpackaged start): status 'off'. */
  port: UpdaterPort | null;
  installed: string;
  /** The feed address (publish.url of electron-builder.yml, from app-update.yml). */
  feedUrl: string | null;
  /** True while any window of the logged-in session has unsaved input. */
  isDirty: () => boolean;
  now?: () => Date;
  timers?: Timers;
  log?: (line: string) => void;
}

/**
 * The program's updates: checked at start and once a day, downloaded in the background, and
 * installed only when the head says so — at the next start, or now once nobody has unsaved input.
 * An update that is not newer than the installed version is ignored, and a feed that is not HTTPS
 * (loopback excepted, for tests) is never asked.
 */
export class Updates {
  private readonly port: UpdaterPort | null;
  private readonly now: () => Date;
  private readonly timers: Timers;
  private readonly log: (line: string) => void;
  private state: UpdateStatus;
  private daily: unknown = null;
  private running: Promise<UpdateStatus> | null = null;
  private installing = false;

  constructor(private readonly options: UpdatesOptions) {
    this.now = options.now ?? (() => new Date());
    this.timers = options.timers ?? systemTimers;
    this.log = options.log ?? ((line) => console.info(line));
    this.state = {
      phase: 'off',
      installed: options.installed,
      available: null,
      progress: null,
      checkedAt: null,
      failure: null,
      install: null,
    };
    const feed = checkFeedUrl(options.feedUrl);
    if (!options.port) {
      this.port = null;
    } else if (!feed.ok) {
      this.port = null;
      this.state.phase = feed.reason === 'unset' ? 'unset' : 'refused';
    } else {
      this.port = options.port;
      this.port.setFeed(feed.url);
      this.port.setInstallOnQuit(false); // until the head chooses
      this.state.phase = 'idle';
    }
  }

  /** One line for the log and the About screen's neighbours: where updates stand. */
  describe(): string {
    const feed = this.options.feedUrl ?? '-';
    switch (this.state.phase) {
      case 'off':
        return 'updates off (no updater in this build)';
      case 'unset':
        return 'updates off (no update address set)';
      case 'refused':
        return `updates refused (not an https address: ${feed})`;
      default:
        return `updates ${this.state.phase} (${feed})`;
    }
  }

  status(): UpdateStatus {
    return { ...this.state };
  }

  /** Checks now and then once a day, for as long as the program runs. */
  start(): void {
    if (!this.port || this.daily !== null) return;
    void this.check();
    this.daily = this.timers.setInterval(() => void this.check(), DAY_MS);
  }

  stop(): void {
    if (this.daily !== null) this.timers.clearInterval(this.daily);
    this.daily = null;
  }

  /** One check (and the download of a newer version); a check already running is joined. */
  check(): Promise<UpdateStatus> {
    if (!this.port || this.state.phase === 'downloading' || this.state.phase === 'ready') {
      return Promise.resolve(this.status());
    }
    this.running ??= this.run(this.port).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(port: UpdaterPort): Promise<UpdateStatus> {
    this.state = { ...this.state, phase: 'checking', failure: null };
    let offered: string | null;
    try {
      offered = (await port.check())?.version ?? null;
    } catch (err) {
      return this.failed('offline', err);
    }
    this.state.checkedAt = this.now().toISOString();
    if (!offered || !isNewer(offered, this.state.installed)) {
      if (offered && offered !== this.state.installed) {
        this.log(`Update ${offered} ignored: not newer than ${this.state.installed}.`);
      }
      this.state = { ...this.state, phase: 'current', available: null, progress: null };
      return this.status();
    }
    this.log(`Update ${offered} found; downloading.`);
    this.state = { ...this.state, phase: 'downloading', available: offered, progress: 0 };
    try {
      await port.download((percent) => {
        this.state.progress = Math.max(0, Math.min(100, Math.round(percent)));
      });
    } catch (err) {
      return this.failed('download', err);
    }
    this.log(`Update ${offered} downloaded; waiting for the head.`);
    this.state = { ...this.state, phase: 'ready', progress: 100 };
    return this.status();
  }

  private failed(failure: 'offline' | 'download', err: unknown): UpdateStatus {
    const reason = err instanceof Error ? err.message : String(err);
    this.log(`Update ${failure === 'offline' ? 'check' : 'download'} failed: ${reason}`);
    this.state = {
      ...this.state,
      phase: 'failed',
      failure,
      available: null,
      progress: null,
      checkedAt: this.now().toISOString(),
    };
    return this.status();
  }

  /**
   * The head's choice for a downloaded version. Either way it installs when the program quits;
   * "now" quits at once unless someone has unsaved input, and then as soon as nobody has.
   * Returns false when no version is ready.
   */
  install(when: 'next-start' | 'now'): boolean {
    if (!this.port || this.state.phase !== 'ready') return false;
    this.port.setInstallOnQuit(true);
    this.state.install = when === 'now' ? 'waiting' : 'next-start';
    this.log(`Update ${this.state.available}: install ${when} (chosen by the head).`);
    if (when === 'now') this.installIfClean();
    return true;
  }

  /** Called whenever a window's unsaved-input state changes. */
  dirtyChanged(): void {
    if (this.state.install === 'waiting') this.installIfClean();
  }

  private installIfClean(): void {
    const port = this.port;
    if (!port || this.installing) return;
    if (this.options.isDirty()) {
      this.log('Update install deferred: a window has unsaved input.');
      return;
    }
    this.installing = true;
    this.timers.setTimeout(() => {
      // Someone may have started typing during the delay.
      if (this.options.isDirty()) {
        this.installing = false;
        this.log('Update install deferred: a window has unsaved input.');
        return;
      }
      this.log(`Installing update ${this.state.available} now.`);
      port.quitAndInstall();
    }, INSTALL_DELAY_MS);
  }
}
