import type { AboutInfo, UpdateStatus } from '../../../common/contract/release';
import { AppError } from '../../../common/errors';
import { programVersion } from '../backup/export';
import { audit } from '../audit/audit';
import type { Context } from '../context';
import type { SessionState } from '../session';

/** The update status where the program has no updater (browser mode, a development start). */
function offStatus(): UpdateStatus {
  return {
    phase: 'off',
    installed: programVersion(),
    available: null,
    progress: null,
    checkedAt: null,
    failure: null,
    install: null,
  };
}

export function updateStatus(state: SessionState): UpdateStatus {
  return state.release.updates?.status() ?? offStatus();
}

export async function about(ctx: Context): Promise<AboutInfo> {
  const rows = await ctx.db.query<{ n: number }[]>('SELECT count(*) AS n FROM migrations');
  return {
    programVersion: programVersion(),
    schemaVersion: Number(rows[0]?.n ?? 0),
    dataDir: ctx.state.dataDir,
    logFile: ctx.state.release.logFile,
    update: updateStatus(ctx.state),
  };
}

export function setDirty(ctx: Context, windowId: string, dirty: boolean): void {
  ctx.state.dirty.set(windowId, dirty);
  ctx.state.release.updates?.dirtyChanged();
}

export async function checkNow(ctx: Context): Promise<UpdateStatus> {
  return (await ctx.state.release.updates?.check()) ?? offStatus();
}

/** The head's choice for a downloaded version, recorded in the audit log. */
export async function install(ctx: Context, when: 'next-start' | 'now'): Promise<UpdateStatus> {
  const updates = ctx.state.release.updates;
  if (!updates || updates.status().phase !== 'ready') {
    throw new AppError('CONFLICT', 'release.notReady');
  }
  const version = updates.status().available;
  // Recorded before "now" can quit the program (it waits INSTALL_DELAY_MS first).
  await ctx.db.transaction((m) =>
    audit(m, ctx.now(), {
      action: 'release.update.install',
      actorId: ctx.user.id,
      entity: 'program',
      after: { version, when },
    }),
  );
  updates.install(when);
  return updates.status();
}
