import type { RouteLocationRaw } from 'vue-router';
import type { HomeItem, ItemRef, ReportItem } from '../../../../common/contract/overview';
import { HEAD_CHECKS_REQUIRED } from '../../../../common/contract/supervision';
import { formatDate, formatDateTime, i18n } from '../../i18n';
import { monthLabel } from '../planning/format';
import { itemText } from '../../../../common/deadlines';

/** Where each item opens: the screen where it is done. */

interface Opens {
  kind: HomeItem['kind'];
  groupId: number | null;
  ref: ItemRef;
}

export function itemLink(item: Opens): RouteLocationRaw {
  const { ref, groupId } = item;
  switch (item.kind) {
    case 'attendance':
      return { path: '/attendance', query: { group: String(groupId), date: ref.date } };
    case 'plan':
      return `/planning/${groupId}/${ref.month}`;
    case 'marks':
      return `/planning/topic/${ref.topicId}`;
    case 'nurseCheck':
      return { path: '/attendance/nurse', query: { date: ref.date } };
    case 'journalCheck':
    case 'headCheck':
      return '/journal-checks';
    case 'application':
      return '/applications';
    case 'individualWork':
      return { path: '/journals', query: { date: ref.date } };
    case 'diary':
      return '/diary';
    case 'backup':
      return '/backup';
    case 'mail':
      return '/outbox';
  }
}

/**
 * The head's line summing up a group's overdue items opens the supervision report at them: this
 * school year, that obligation and group, "not done".
 */
export function summaryLink(item: HomeItem, from: string, to: string): RouteLocationRaw {
  return {
    path: '/supervision',
    query: {
      from,
      to,
      obligation: item.kind,
      group: item.groupId === null ? 'none' : String(item.groupId),
      outcome: 'missing',
    },
  };
}

/** Whether a home line sums up several overdue items (the head's view of the kindergarten). */
export const isSummary = (item: HomeItem) =>
  item.count !== null && item.kind !== 'nurseCheck' && item.kind !== 'headCheck';

const t = (key: string, params: Record<string, unknown> = {}) => i18n.global.t(key, params);

/** One home line in the user's language. */
export function homeText(item: HomeItem): string {
  const group = item.groupName ?? '';
  const date = formatDate(item.ref.date ?? item.due);
  if (isSummary(item)) {
    return t('overview.home.summary', {
      obligation: t(`overview.obligation.${item.kind}`),
      where: item.groupName ?? t('overview.home.kindergarten'),
      count: item.count,
    });
  }
  switch (item.kind) {
    case 'plan':
      return t('overview.home.plan', { group, month: monthLabel(item.ref.month ?? '') });
    case 'marks':
    case 'journalCheck':
      return t(`overview.home.${item.kind}`, { group, topic: item.subject ?? '' });
    case 'nurseCheck':
      return t('overview.home.nurseCheck', { date, count: item.count ?? 0 });
    case 'headCheck':
      return t('overview.home.headCheck', {
        count: item.count ?? 0,
        required: HEAD_CHECKS_REQUIRED,
      });
    case 'application':
      return t('overview.home.application', { subject: item.subject ?? '' });
    case 'backup':
      return t('backup.failedNotice', {
        date: formatDateTime(item.ref.date ?? item.due),
        reason: item.detail ?? '',
      });
    case 'mail':
      return t('overview.home.mail', { count: item.count ?? 0 });
    case 'diary':
      return t('overview.home.diary');
    default:
      return t('overview.home.attendance', { group, date });
  }
}

/** What a report item is about, in a cell: a month, a day, a topic, an application. */
export function reportItemText(item: ReportItem): string {
  return itemText(i18n.global.locale.value, item);
}

/** The school years to choose from: the current one (by its starting year) and nine before. */
export function schoolYears(current: number): { value: number; label: string }[] {
  return Array.from({ length: 10 }, (_, i) => ({
    value: current - i,
    label: t('overview.yearLabel', { from: current - i, to: current - i + 1 }),
  }));
}

/** A month on a chart's axis: "09.2026" (the table beside it names it in full). */
export const shortMonth = (month: string) => `${month.slice(5, 7)}.${month.slice(0, 4)}`;
