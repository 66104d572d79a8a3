import type { EntityManager } from 'typeorm';
import type { RowDomain } from '../../../../common/access-scope';
import type { Obligation } from '../../../../common/deadlines';
import type { Rules } from '../facts';
import { applicationItems, entryItems, headCheckItems, journalCheckItems } from './checks';
import { attendanceItems, nurseItems } from './daily';
import type { Frame, Judged } from './judged';
import { marksItems, planItems } from './planning';

export type { Frame, Judged } from './judged';

type Collector = (m: EntityManager, rules: Rules, frame: Frame) => Promise<Judged[]>;

/** Each obligation's collector. */
export const COLLECTORS: Readonly<Record<Obligation, Collector>> = {
  plan: planItems,
  attendance: attendanceItems,
  nurseCheck: nurseItems,
  marks: marksItems,
  journalCheck: journalCheckItems,
  headCheck: headCheckItems,
  application: applicationItems,
  individualWork: (m, rules, frame) => entryItems(m, rules, frame, 'individualWork'),
  diary: (m, rules, frame) => entryItems(m, rules, frame, 'diary'),
};

/** The rows each obligation reads, so that the access scope decides who may see them. */
export const DOMAIN_OF: Readonly<Record<Obligation, RowDomain>> = {
  plan: 'planning',
  attendance: 'attendance',
  nurseCheck: 'attendance',
  marks: 'assessment',
  journalCheck: 'journalChecks',
  headCheck: 'journalChecks',
  application: 'children',
  individualWork: 'individualWork',
  diary: 'diary',
};

/** Obligations of a group; the others are the kindergarten's or an author's. */
export const GROUP_OBLIGATIONS: ReadonlySet<Obligation> = new Set<Obligation>([
  'plan',
  'attendance',
  'marks',
  'journalCheck',
]);

/** The items of several obligations, one collector after another (each a few queries). */
export async function judge(
  m: EntityManager,
  rules: Rules,
  frame: Frame,
  obligations: readonly Obligation[],
): Promise<Judged[]> {
  const items: Judged[] = [];
  for (const obligation of obligations) {
    items.push(...(await COLLECTORS[obligation](m, rules, frame)));
  }
  return items;
}
