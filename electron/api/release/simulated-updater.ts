import type { UpdaterPort } from './updates';

/** The loopback feed address of the simulation (plain HTTP is accepted for loopback only). */
export const SIMULATED_FEED = 'http://127.0.0.1/simulated-update-feed/';

/**
 * Browser mode's `--test --offer-update <version>`: a feed that offers that version, a download
 * that completes at once, and an install that is only written to the log. It lets the end-to-end
 * tests show the head's update controls where Electron cannot run.
 */
export class SimulatedUpdater implements UpdaterPort {
  installOnQuit = false;
  installedNow = false;

  constructor(private readonly offered: string) {}

  setFeed(): void {}

  async check(): Promise<{ version: string }> {
    return { version: this.offered };
  }

  async download(onProgress: (percent: number) => void): Promise<void> {
    onProgress(100);
  }

  setInstallOnQuit(install: boolean): void {
    this.installOnQuit = install;
  }

  quitAndInstall(): void {
    this.installedNow = true;
    console.info(`[test] the program would now quit and install ${this.offered}.`);
  }
}
