import type { UpdateStatus } from '../../../../common/contract/release';
import { i18n } from '../../i18n';

/** Where the updates stand, in one sentence of the user's language. */
export function updateText(status: UpdateStatus): string {
  const t = i18n.global.t;
  if (status.phase === 'failed') return t(`release.phase.${status.failure ?? 'offline'}`);
  return t(`release.phase.${status.phase}`, {
    version: status.available ?? '',
    progress: status.progress ?? 0,
  });
}
