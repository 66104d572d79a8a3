import type { SessionInfo } from '../../../common/contract';
import { AppError } from '../../../common/errors';
import { PRIVACY_NOTICE_VERSION } from '../../../common/privacy-notice';
import { User } from '../../../database/entities';
import { audit } from '../audit/audit';
import { sessionInfo } from '../auth/service';
import type { Context } from '../context';

/**
 * She has read the privacy notice shown to her. Only the current version counts: a screen left
 * open on an older text is refused and shows the new one.
 */
export async function acknowledge(ctx: Context, version: number): Promise<SessionInfo> {
  if (version !== PRIVACY_NOTICE_VERSION) {
    throw new AppError('CONFLICT', 'privacy.noticeChanged');
  }
  await ctx.db.transaction(async (m) => {
    const user = await m.findOneByOrFail(User, { id: ctx.user.id });
    if (user.privacyNoticeVersion === version) return;
    const at = ctx.now().toISOString();
    await m.update(User, { id: user.id }, { privacyNoticeVersion: version, privacyNoticeAt: at });
    await audit(m, ctx.now(), {
      action: 'privacy.notice.acknowledge',
      actorId: ctx.user.id,
      entity: 'user',
      entityId: ctx.user.id,
      before:
        user.privacyNoticeVersion === null ? undefined : { version: user.privacyNoticeVersion },
      after: { version },
    });
  });
  return sessionInfo(ctx);
}
