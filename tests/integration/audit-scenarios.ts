import type { AuditAction } from '../../common/audit-actions';
import type { Input, Method, Output } from '../../common/contract';
import { PRIVACY_NOTICE_VERSION } from '../../common/privacy-notice';
import type { Router } from '../../electron/api/router';
import { SETUP, STAFF_PASSWORD, tempDir } from './helpers';
import { MAIL } from './audit-scenarios-mail';
import { OFFICE } from './audit-scenarios-office';
import { planningFixture, topic } from './planning-fixtures';

/**
 * The writing methods of the completeness test (audit-completeness.security.test.ts), each as
 * one step of a kindergarten's life: who does it, what it needs first, the call, and the audit
 * events it must leave. Steps run in this order on one register.
 */

export type World = Awaited<ReturnType<typeof world>>;

export interface Scenario {
  method: Method;
  /** Who calls it (a login of the fixture); none: the step logs in or out by itself. */
  as?: string;
  /** What the call needs and must not be counted (made before the events are counted). */
  setup?: (w: World) => Promise<void>;
  /**
   * A setup that closes the register (a logout) cannot be measured after it: its events are
   * named here and counted before the call's own.
   */
  setupLeaves?: AuditAction[];
  run: (w: World) => Promise<void>;
  /** Exactly these events, in this order, after the call. */
  expect: AuditAction[];
}

const PASSPHRASE = 'Rezerves-kopija-2026!';

export async function world() {
  const f = await planningFixture('2026-12-10T08:00:00Z');
  const ok = <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> =>
    f.b.ok(method, input);
  const ids: Record<string, number> = {};
  const state = { recoveryKey: '', backupFile: '', backupMark: 0 };
  return { ...f, ok, ids, state, elza: f.children[0], janis: f.children[1] };
}

/** The register's daily work and the accounts' own events, after the office's (below). */
const DAILY: Scenario[] = [
  {
    method: 'attendance.save',
    as: 'anna',
    run: (w) =>
      w
        .ok('attendance.save', {
          groupId: w.zilites,
          changes: [{ childId: w.elza, date: '2026-12-10', expected: null, code: 'N' }],
        })
        .then(() => undefined),
    expect: ['attendance.mark.save'],
  },
  {
    method: 'attendance.confirm',
    as: 'anna',
    run: (w) =>
      w.ok('attendance.confirm', { groupId: w.zilites, date: '2026-12-10' }).then(() => undefined),
    expect: ['attendance.day.confirm'],
  },
  {
    // The nurse's change of the same cell is recorded as a correction (3.3).
    method: 'attendance.save',
    as: 'marta',
    run: (w) =>
      w
        .ok('attendance.save', {
          groupId: w.zilites,
          changes: [{ childId: w.elza, date: '2026-12-10', expected: 'N', code: 'NS' }],
          reason: 'Ārsta zīme',
        })
        .then(() => undefined),
    expect: ['attendance.mark.correct'],
  },
  {
    method: 'attendance.nurseConfirm',
    as: 'marta',
    run: (w) => w.ok('attendance.nurseConfirm', { date: '2026-12-10' }).then(() => undefined),
    expect: ['attendance.nurseCheck.confirm'],
  },
  {
    method: 'planning.saveTopic',
    as: 'anna',
    run: async (w) => {
      const plan = await w.ok('planning.saveTopic', {
        groupId: w.zilites,
        month: '2026-12',
        topic: topic('Ziema', '2026-12-01', '2026-12-04'),
      });
      w.ids.plan = plan.id!;
      w.ids.topic = plan.topics[0].id;
    },
    expect: ['planning.topic.create'],
  },
  {
    method: 'planning.submit',
    as: 'anna',
    run: (w) => w.ok('planning.submit', { planId: w.ids.plan }).then(() => undefined),
    expect: ['planning.plan.submit'],
  },
  {
    method: 'planning.deleteTopic',
    as: 'anna',
    setup: async (w) => {
      const plan = await w.ok('planning.saveTopic', {
        groupId: w.zilites,
        month: '2026-12',
        topic: topic('Lieks', '2026-12-14', '2026-12-18'),
      });
      w.ids.extra = plan.topics.find((t) => t.title === 'Lieks')!.id;
    },
    run: (w) => w.ok('planning.deleteTopic', { topicId: w.ids.extra }).then(() => undefined),
    expect: ['planning.topic.delete'],
  },
  {
    method: 'planning.copy',
    as: 'anna',
    run: (w) =>
      w
        .ok('planning.copy', {
          fromPlanId: w.ids.plan,
          topicId: w.ids.topic,
          groupId: w.zilites,
          month: '2027-01',
        })
        .then(() => undefined),
    expect: ['planning.topic.copy'],
  },
  {
    method: 'assessment.mark',
    as: 'anna',
    run: (w) =>
      w
        .ok('assessment.mark', {
          topicId: w.ids.topic,
          changes: [{ childId: w.elza, area: 'VAL', mark: 'T', reason: null }],
        })
        .then(() => undefined),
    expect: ['assessment.mark.save'],
  },
  {
    method: 'journals.saveEntry',
    as: 'anna',
    run: async (w) => {
      const e = await w.ok('journals.saveEntry', {
        date: '2026-12-10',
        childIds: [w.elza],
        kind: 'individualWork',
        content: 'Skaņa R.',
      });
      w.ids.entry = e.id;
    },
    expect: ['journals.entry.create'],
  },
  {
    method: 'journals.deleteEntry',
    as: 'anna',
    run: (w) => w.ok('journals.deleteEntry', { id: w.ids.entry }),
    expect: ['journals.entry.delete'],
  },
  {
    method: 'journals.saveTalk',
    as: 'anna',
    run: async (w) => {
      const t = await w.ok('journals.saveTalk', {
        date: '2026-12-10',
        childId: w.elza,
        guardianIds: [w.ids.inga],
        subject: 'results',
        content: 'Par runu.',
      });
      w.ids.talk = t.id;
    },
    expect: ['journals.talk.create'],
  },
  {
    method: 'journals.deleteTalk',
    as: 'anna',
    run: (w) => w.ok('journals.deleteTalk', { id: w.ids.talk }),
    expect: ['journals.talk.delete'],
  },
  {
    method: 'supervision.diarySave',
    as: 'dace',
    run: async (w) => {
      const d = await w.ok('supervision.diarySave', {
        date: '2026-12-10',
        kind: 'meeting',
        content: 'Informatīvā sanāksme.',
      });
      w.ids.diary = d.id;
    },
    expect: ['supervision.diary.create'],
  },
  {
    method: 'supervision.diaryDelete',
    as: 'dace',
    run: (w) => w.ok('supervision.diaryDelete', { id: w.ids.diary }),
    expect: ['supervision.diary.delete'],
  },
  {
    method: 'supervision.checkSave',
    as: 'dace',
    run: async (w) => {
      const c = await w.ok('supervision.checkSave', {
        date: '2026-12-10',
        groupId: w.zilites,
        topicId: w.ids.topic,
        findings: 'Aizpildīts.',
      });
      w.ids.check = c.id;
    },
    expect: ['supervision.check.create'],
  },
  {
    method: 'supervision.checkDelete',
    as: 'dace',
    run: (w) => w.ok('supervision.checkDelete', { id: w.ids.check }),
    expect: ['supervision.check.delete'],
  },
  {
    method: 'substitution.create',
    as: 'ilze',
    run: async (w) => {
      const s = await w.ok('substitution.create', {
        groupId: w.zilites,
        absentId: w.users.anna,
        substituteId: w.users.ieva,
        fromDate: '2026-12-14',
        toDate: '2026-12-15',
      });
      w.ids.substitution = s.id;
    },
    expect: ['substitution.period.create'],
  },
  {
    method: 'substitution.end',
    as: 'ilze',
    run: (w) => w.ok('substitution.end', { id: w.ids.substitution }).then(() => undefined),
    expect: ['substitution.period.remove'],
  },
  {
    method: 'backup.saveAuto',
    as: 'ilze',
    run: (w) =>
      w
        .ok('backup.saveAuto', {
          enabled: false,
          folder: '',
          passphrase: PASSPHRASE,
          passphraseRepeat: PASSPHRASE,
        })
        .then(() => undefined),
    expect: ['backup.settings.update'],
  },
  {
    method: 'audit.export',
    as: 'ilze',
    run: (w) =>
      w.ok('audit.export', { from: '2026-12-01', to: '2026-12-31' }).then(() => undefined),
    expect: ['audit.log.export'],
  },
  {
    method: 'privacy.childExport',
    as: 'dace',
    run: (w) => w.ok('privacy.childExport', { childId: w.elza }).then(() => undefined),
    expect: ['privacy.child.export'],
  },
  {
    method: 'privacy.setRetention',
    as: 'ilze',
    run: (w) => w.ok('privacy.setRetention', { years: 6 }).then(() => undefined),
    expect: ['privacy.retention.update'],
  },
  {
    method: 'privacy.acknowledge',
    as: 'anna',
    run: (w) =>
      w.ok('privacy.acknowledge', { version: PRIVACY_NOTICE_VERSION }).then(() => undefined),
    expect: ['privacy.notice.acknowledge'],
  },
  {
    method: 'auth.changePassword',
    as: 'anna',
    run: (w) =>
      w
        .ok('auth.changePassword', {
          currentPassword: STAFF_PASSWORD,
          newPassword: 'annas-jauna-parole',
          newPasswordRepeat: 'annas-jauna-parole',
        })
        .then(() => undefined),
    expect: ['auth.password.change'],
  },
  {
    method: 'auth.logout',
    as: 'ilze',
    // The register is closed after it: the check logs the head in again to read the log.
    run: async (w) => {
      await w.ok('auth.logout', {});
      await w.ok('auth.login', { username: 'ilze', password: SETUP.head.newPassword });
    },
    expect: ['auth.session.logout', 'auth.login.success'],
  },
  {
    method: 'auth.login',
    as: 'ilze',
    setup: async (w) => {
      await w.b.router.call('auth.logout', {});
    },
    setupLeaves: ['auth.session.logout'],
    run: (w) =>
      w
        .ok('auth.login', { username: 'ilze', password: SETUP.head.newPassword })
        .then(() => undefined),
    expect: ['auth.login.success'],
  },
  {
    method: 'auth.recover',
    as: 'ilze',
    setup: async (w) => {
      await w.b.router.call('auth.logout', {});
    },
    setupLeaves: ['auth.session.logout'],
    run: (w) =>
      w
        .ok('auth.recover', {
          recoveryKey: w.state.recoveryKey,
          username: 'ilze',
          newPassword: SETUP.head.newPassword,
          newPasswordRepeat: SETUP.head.newPassword,
        })
        .then(() => undefined),
    expect: ['auth.password.recover'],
  },
  {
    method: 'backup.export',
    as: 'ilze',
    setup: async (w) => {
      w.state.backupMark = await maxEventId(w);
    },
    run: async (w) => {
      const folder = tempDir('audit-backup-');
      w.state.backupFile = (
        await w.ok('backup.export', {
          folder,
          passphrase: PASSPHRASE,
          passphraseRepeat: PASSPHRASE,
        })
      ).file;
    },
    expect: ['backup.file.export'],
  },
  {
    // Past the retention of the child who left on 30 November 2026 (kept to 31 August 2032).
    method: 'privacy.anonymise',
    setup: async (w) => {
      w.b.clock.set(new Date('2032-09-01T07:00:00Z'));
      await w.as('ilze');
      await w.ok('privacy.setRetention', { years: 5 });
    },
    run: (w) => w.ok('privacy.anonymise', { childIds: [w.left] }).then(() => undefined),
    expect: ['privacy.child.anonymise'],
  },
];

export const SCENARIOS: Scenario[] = [...OFFICE, ...DAILY, ...MAIL];

export async function maxEventId(w: { b: { router: Pick<Router, 'state'> } }): Promise<number> {
  const [row] = await w.b.router.state.db.query<{ id: number | null }[]>(
    'SELECT max(id) AS id FROM audit_event',
  );
  return Number(row.id ?? 0);
}
