import { contract } from '../../common/contract';
import type { AppState } from '../../common/contract';
import { AppError, type CallResult } from '../../common/errors';
import { DEFAULT_LOCALE, type Locale } from '../../common/locale';
import { validate } from '../../common/validation';
import { renderError } from '../api/dispatch';
import type { Router } from '../api/router';
import { loadServerChoice, saveServerChoice } from './choice';
import { RemoteRouter, type ServerChoice } from './remote-router';

/**
 * What the desktop window and browser mode talk to: this PC's own register (Router), or the
 * kindergarten's server (RemoteRouter) once this PC has chosen it at first run. The renderer
 * calls the same way in both cases and never learns which it is, except for the server's
 * address in app.state.
 */
export class Backend {
  private current: Router | RemoteRouter;

  constructor(
    private readonly dataDir: string,
    private readonly makeLocal: () => Router,
    choice: ServerChoice | undefined = loadServerChoice(dataDir),
  ) {
    this.current = choice ? new RemoteRouter(choice) : makeLocal();
  }

  /** This PC's own register, while it keeps one (automatic backup at exit, the updater). */
  get local(): Router | undefined {
    return this.current instanceof RemoteRouter ? undefined : this.current;
  }

  get state(): { readonly locale: Locale } {
    return this.current.state ?? { locale: DEFAULT_LOCALE };
  }

  call(method: string, input: unknown): Promise<CallResult> {
    if (method === 'client.connect' && this.local) {
      return this.connect(this.local, input);
    }
    return this.current.call(method, input);
  }

  async dispose(): Promise<void> {
    await this.current.dispose();
  }

  /**
   * First run only: checks the server (its certificate against the fingerprint, then its
   * answer), remembers it and forwards every call there from now on. Refused once this PC keeps
   * a register of its own.
   */
  private async connect(local: Router, input: unknown): Promise<CallResult> {
    const locale = local.state.locale;
    try {
      const parsed = validate(contract['client.connect'].input, input ?? {}, locale);
      if (!parsed.ok) throw new AppError('VALIDATION', 'error.VALIDATION', {}, parsed.fields);
      if ((await local.state.phase()).phase !== 'setup') {
        throw new AppError('CONFLICT', 'server.choiceDone');
      }
      const choice = {
        address: new URL(parsed.data.address).origin,
        fingerprint: parsed.data.fingerprint,
      };
      const remote = new RemoteRouter(choice);
      await remote.call('app.setLocale', { locale });
      const state = await remote.call('app.state', {});
      if (!state.ok) return state;
      await saveServerChoice(this.dataDir, choice);
      await local.dispose();
      this.current = remote;
      return { ok: true, result: state.result as AppState };
    } catch (err) {
      return { ok: false, error: renderError(err, locale) };
    }
  }
}
