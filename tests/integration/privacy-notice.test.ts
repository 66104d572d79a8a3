import { describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE, PRIVACY_NOTICE_VERSION } from '../../common/privacy-notice';
import { LOCALES } from '../../common/locale';
import { SETUP, testBackend } from './helpers';

describe('the privacy notice', () => {
  it('is asked for at the first login and after it changes, and the acknowledgement is kept', async () => {
    const b = testBackend();
    const { session } = await b.ok('auth.setup', SETUP);
    expect(session.privacyNoticePending).toBe(true);
    const stale = await b.fail('privacy.acknowledge', { version: PRIVACY_NOTICE_VERSION + 1 });
    expect(stale).toMatchObject({
      code: 'CONFLICT',
      message: 'Privātuma paziņojums ir mainījies. Lūdzu, izlasiet to vēlreiz.',
    });
    const acknowledged = await b.ok('privacy.acknowledge', { version: PRIVACY_NOTICE_VERSION });
    expect(acknowledged.privacyNoticePending).toBe(false);
    await b.ok('privacy.acknowledge', { version: PRIVACY_NOTICE_VERSION }); // once is recorded
    await b.ok('auth.logout', {});
    const again = await b.ok('auth.login', { username: 'ilze', password: SETUP.head.newPassword });
    expect(again.privacyNoticePending).toBe(false);
    const db = b.router.state.db;
    expect(
      await db.query(
        "SELECT action, after FROM audit_event WHERE action = 'privacy.notice.acknowledge'",
      ),
    ).toEqual([
      {
        action: 'privacy.notice.acknowledge',
        after: JSON.stringify({ version: PRIVACY_NOTICE_VERSION }),
      },
    ]);
    // A new text (a higher version than hers) asks her again.
    await db.query('UPDATE "user" SET privacy_notice_version = ?', [PRIVACY_NOTICE_VERSION - 1]);
    await b.ok('auth.logout', {});
    expect(
      (await b.ok('auth.login', { username: 'ilze', password: SETUP.head.newPassword }))
        .privacyNoticePending,
    ).toBe(true);
  });

  it('states the rules’ duties in every UI language', () => {
    for (const locale of LOCALES) {
      const notice = PRIVACY_NOTICE[locale];
      expect(notice.duties).toHaveLength(5);
    }
    const lv = PRIVACY_NOTICE.lv.duties.join(' ');
    expect(lv).toContain('konfidencialitāti arī pēc darba attiecību beigām');
    expect(lv).toContain('tikai iestādes darbam');
    expect(lv).toContain('nekavējoties ziņoju vadītājai');
  });
});
