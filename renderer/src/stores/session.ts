import { defineStore } from 'pinia';
import { computed, ref, type Ref } from 'vue';
import type { AppPhase, Input, Now, SessionInfo } from '../../../common/contract';
import type { Locale } from '../../../common/locale';
import { call, onApiError } from '../api/client';
import { setUiLocale } from '../i18n';
import { draftsFor, keepDrafts } from '../unsaved';

/** How often the UI asks whether the backend has logged the user out (idle logout). */
const POLL_MS = 3000;
/** User activity is reported at most this often. */
const PING_MS = 20_000;

export type Notice = 'idle' | null;

/**
 * The poll answers a new object every 3 s; an equal answer keeps the old one, so nothing that
 * reads the session or today re-renders (and no screen is redrawn under the person) for nothing.
 */
function keepIfSame<T>(target: Ref<T>, value: T): void {
  if (JSON.stringify(target.value) !== JSON.stringify(value)) target.value = value;
}

/** Who is logged in, what the backend's phase is, and the backend's "today". */
export const useSessionStore = defineStore('session', () => {
  const phase = ref<AppPhase | null>(null);
  const session = ref<SessionInfo | null>(null);
  const problem = ref<string | null>(null);
  const testMode = ref(false);
  /** The kindergarten's server this PC works with; null when the PC keeps the register. */
  const server = ref<string | null>(null);
  const locale = ref<Locale>('lv');
  const now = ref<Now | null>(null);
  const notice = ref<Notice>(null);
  /** Shown once after setup; never stored anywhere but in this page's memory. */
  const recoveryKey = ref<string | null>(null);
  let timer: ReturnType<typeof setInterval> | undefined;
  let lastPing = 0;
  /** When the backend last heard of this user's activity (its idle timer counts from there). */
  const lastSeen = ref(Date.now());

  const role = computed(() => session.value?.role ?? null);

  async function refresh(): Promise<void> {
    const wasUnlocked = phase.value === 'unlocked';
    const userId = session.value?.userId;
    const state = await call('app.state', {});
    phase.value = state.phase;
    keepIfSame(session, state.session ?? null);
    problem.value = state.problem ?? null;
    testMode.value = state.testMode;
    server.value = state.server ?? null;
    if (state.locale !== locale.value) {
      locale.value = state.locale;
      setUiLocale(state.locale);
    }
    if (wasUnlocked && state.phase !== 'unlocked') {
      notice.value = 'idle';
      // Closed under someone's typing: what was typed waits for the same user's next login.
      if (userId !== undefined) keepDrafts(userId);
    }
    keepIfSame(now, await call('app.now', {}));
  }

  function apply(info: SessionInfo): void {
    draftsFor(info.userId);
    lastSeen.value = Date.now();
    session.value = info;
    phase.value = 'unlocked';
    notice.value = null;
  }

  /* The auth calls: each answers with the session as it now is. */

  /** First run: the institution and the head; the recovery key is kept to be shown once. */
  async function setup(input: Input<'auth.setup'>): Promise<void> {
    const result = await call('auth.setup', input);
    recoveryKey.value = result.recoveryKey;
    apply(result.session);
  }

  async function confirmRecoveryKey(): Promise<void> {
    apply(await call('auth.confirmRecoveryKey', {}));
    recoveryKey.value = null;
  }

  async function login(input: Input<'auth.login'>): Promise<void> {
    apply(await call('auth.login', input));
  }

  async function changePassword(input: Input<'auth.changePassword'>): Promise<void> {
    apply(await call('auth.changePassword', input));
  }

  async function recover(input: Input<'auth.recover'>): Promise<void> {
    apply(await call('auth.recover', input));
  }

  /** First run: this PC works with the kindergarten's server from now on. */
  async function connectServer(input: Input<'client.connect'>): Promise<void> {
    const state = await call('client.connect', input);
    server.value = state.server ?? null;
    await refresh();
  }

  async function changeLocale(next: Locale): Promise<void> {
    await call('app.setLocale', { locale: next });
    locale.value = next;
    setUiLocale(next);
  }

  async function logout(): Promise<void> {
    await call('auth.logout', {});
    phase.value = 'locked';
    session.value = null;
    recoveryKey.value = null;
  }

  /** Any user input counts as activity for the backend's idle timer. */
  function activity(): void {
    if (phase.value !== 'unlocked') return;
    const t = Date.now();
    if (t - lastPing < PING_MS) return;
    lastPing = t;
    void call('session.ping', {})
      .then(() => (lastSeen.value = t))
      .catch(() => undefined);
  }

  /** "Continue working" in the idle warning: tells the backend now, not at the next ping. */
  async function stayActive(): Promise<void> {
    lastPing = Date.now();
    await call('session.ping', {});
    lastSeen.value = lastPing;
  }

  function start(): void {
    onApiError((error) => {
      if (error.code === 'SESSION_EXPIRED' || error.code === 'UNAUTHENTICATED') void refresh();
    });
    for (const event of ['keydown', 'pointerdown', 'wheel']) {
      window.addEventListener(event, activity, { passive: true });
    }
    timer = setInterval(() => void refresh().catch(() => undefined), POLL_MS);
  }

  function stop(): void {
    if (timer) clearInterval(timer);
  }

  return {
    phase,
    session,
    problem,
    testMode,
    server,
    locale,
    now,
    notice,
    lastSeen,
    recoveryKey,
    role,
    refresh,
    apply,
    setup,
    confirmRecoveryKey,
    login,
    changePassword,
    recover,
    connectServer,
    changeLocale,
    logout,
    stayActive,
    start,
    stop,
  };
});
