import type { Role } from './roles';

/**
 * The second of the two tables that decide access (ARCHITECTURE.md, "Two tables decide access"):
 * the method table (`permissions.ts`) says who may call a method at all; this one says which
 * rows a role may read or write in each domain. The backend answers every "may this user
 * read/write this group, child or entry on this date" from it (electron/api/access/scope.ts),
 * and the renderer reads it for its hints instead of restating a rule.
 */
export type RowScope =
  /** Every row. */
  | 'all'
  /**
   * Rows of the groups she teaches, and of the groups where she substitutes for an absent
   * colleague: only while the substitution lasts (judged on today) and only for the dates the
   * colleague works there.
   */
  | 'groups'
  /** Rows she wrote herself, about any child. */
  | 'own'
  /** Rows she wrote herself, about children of her groups (as 'groups') on the row's date. */
  | 'ownInGroups'
  /** Rows she wrote, and rows about children of her groups (as 'groups') on the row's date. */
  | 'groupsOrOwn'
  /** No rows. */
  | 'none';

export type Operation = 'read' | 'write';

export const ROW_DOMAINS = [
  'groups',
  'children',
  'attendance',
  'planning',
  'assessment',
  'individualWork',
  'talks',
  'diary',
  'journalChecks',
  'substitutions',
  'messages',
  'audit',
  'privacy',
] as const;
export type RowDomain = (typeof ROW_DOMAINS)[number];

type RoleScopes = Readonly<Record<Role, RowScope>>;
type DomainScopes = Readonly<Record<Operation, RoleScopes>>;

/** Roles absent from a row have 'none'. */
const only = (given: Partial<Record<Role, RowScope>>): RoleScopes => ({
  head: 'none',
  deputy: 'none',
  teacher: 'none',
  speech: 'none',
  nurse: 'none',
  ...given,
});

/** Head, deputy, nurse and the speech therapist read every group; a teacher hers. */
const EVERY_GROUP_BUT_TEACHERS = only({
  head: 'all',
  deputy: 'all',
  teacher: 'groups',
  speech: 'all',
  nurse: 'all',
});

/**
 * The table. Each line cites the rule it comes from: DOMAIN.md's clauses and ARCHITECTURE.md's
 * roles table. The speech therapist has no caseload in the data model, so she reads every
 * group's children (personal codes masked) like the nurse.
 */
export const ACCESS_SCOPE: Readonly<Record<RowDomain, DomainScopes>> = {
  // Groups and their teachers: head or deputy set them up (2.1).
  groups: {
    read: EVERY_GROUP_BUT_TEACHERS,
    write: only({ head: 'all', deputy: 'all' }),
  },
  // Children, guardians and parent applications: entered by the deputy (2.2, 2.3).
  children: {
    read: EVERY_GROUP_BUT_TEACHERS,
    write: only({ deputy: 'all' }),
  },
  // Daily attendance: the group's teacher or substitute (3.2, 3.11); the nurse corrects all (3.3).
  attendance: {
    read: only({ head: 'all', deputy: 'all', teacher: 'groups', nurse: 'all' }),
    write: only({ teacher: 'groups', nurse: 'all' }),
  },
  // Monthly plans (3.1) and topic marks (3.4): the group's teacher or substitute writes.
  planning: {
    read: only({ head: 'all', deputy: 'all', teacher: 'groups', speech: 'all' }),
    write: only({ teacher: 'groups' }),
  },
  assessment: {
    read: only({ head: 'all', deputy: 'all', teacher: 'groups', speech: 'all' }),
    write: only({ teacher: 'groups' }),
  },
  // Individual work journal (3.6, 3.7): teachers about their groups' children, the speech
  // therapist about any child; each edits only what she wrote.
  individualWork: {
    read: only({ head: 'all', deputy: 'all', teacher: 'groupsOrOwn', speech: 'own' }),
    write: only({ teacher: 'ownInGroups', speech: 'own' }),
  },
  // Talks with parents (3.10): the group's teachers.
  talks: {
    read: only({ head: 'all', deputy: 'all', teacher: 'groupsOrOwn' }),
    write: only({ teacher: 'ownInGroups' }),
  },
  // The deputy head's diary (3.8), read by the head.
  diary: {
    read: only({ head: 'all', deputy: 'all' }),
    write: only({ deputy: 'own' }),
  },
  // Journal checks (3.9, 3.12): deputy and head each write their own; teachers read their groups'.
  journalChecks: {
    read: only({ head: 'all', deputy: 'all', teacher: 'groups' }),
    write: only({ head: 'own', deputy: 'own' }),
  },
  // Substitutions (3.11): recorded by head or deputy; a teacher reads those she is part of.
  substitutions: {
    read: only({ head: 'all', deputy: 'all', teacher: 'own' }),
    write: only({ head: 'all', deputy: 'all' }),
  },
  // Mail (4 and the roles table): everyone writes to staff and to parents; a teacher to the
  // lists and parents of her groups, and of an absent colleague's only while she substitutes.
  messages: {
    read: only({ head: 'all', deputy: 'all', teacher: 'groups', speech: 'all', nurse: 'all' }),
    write: only({ head: 'all', deputy: 'all', teacher: 'groups', speech: 'all', nurse: 'all' }),
  },
  // The audit log is the head's (roles table); the program writes it, nobody through the API.
  audit: {
    read: only({ head: 'all' }),
    write: only({}),
  },
  // Issue 16: a child's data on request is given by head or deputy; the head decides the
  // retention and confirms anonymising (1, 5; the superuser of 6).
  privacy: {
    read: only({ head: 'all', deputy: 'all' }),
    write: only({ head: 'all' }),
  },
};

/** Staff accounts (2.1): the head manages every account, the deputy teachers' accounts only. */
export const MANAGED_ROLES: Readonly<Record<Role, readonly Role[]>> = {
  head: ['head', 'deputy', 'teacher', 'speech', 'nurse'],
  deputy: ['teacher'],
  teacher: [],
  speech: [],
  nurse: [],
};

export function rowScope(domain: RowDomain, operation: Operation, role: Role): RowScope {
  return ACCESS_SCOPE[domain][operation][role];
}

export function mayManageRole(manager: Role, role: Role): boolean {
  return MANAGED_ROLES[manager].includes(role);
}

/**
 * What is known about one row relative to the user; the backend gathers these facts with as
 * few queries as it can, and this pure function decides.
 */
export interface RowFacts {
  /** She wrote the row (entries); undefined where rows have no author. */
  own?: boolean;
  /** The row's group (or one of its children's groups on its date) is one she teaches then. */
  inHerGroups: boolean;
}

export function allows(scope: RowScope, facts: RowFacts): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'groups':
      return facts.inHerGroups;
    case 'own':
      return facts.own === true;
    case 'ownInGroups':
      return facts.own === true && facts.inHerGroups;
    case 'groupsOrOwn':
      return facts.own === true || facts.inHerGroups;
  }
}
