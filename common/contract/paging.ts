import { z } from 'zod';

/**
 * Lists bounded by what a person looks at: every list method takes a page (limit, offset) and
 * answers with its rows and the total the paginator shows; the filters that bound it (school
 * year or month, group, person) sit beside these in each method's schema.
 */

/** One page of a list and how many rows the whole filtered list has. */
export interface Page<T> {
  rows: T[];
  total: number;
}

/** A choice of a list's filter (a group, a person). */
export interface ListOption {
  id: number;
  name: string;
}

/** Rows per page the lists offer; the first is the default. */
export const PAGE_SIZES = [25, 50, 100] as const;
export const MAX_PAGE_SIZE = 200;

/** The page fields of a list method's input. */
export const pageShape = {
  limit: z
    .number({ invalid_type_error: 'list.limit' })
    .int('list.limit')
    .min(1, 'list.limit')
    .max(MAX_PAGE_SIZE, 'list.limit')
    .default(PAGE_SIZES[0]),
  offset: z
    .number({ invalid_type_error: 'list.offset' })
    .int('list.offset')
    .min(0, 'list.offset')
    .max(1_000_000, 'list.offset')
    .default(0),
};

/** A school year by the calendar year it starts in; the current one when left out. */
export const schoolYearSchema = z
  .number({ invalid_type_error: 'list.schoolYear' })
  .int('list.schoolYear')
  .min(2000, 'list.schoolYear')
  .max(2100, 'list.schoolYear');

/** A page of a list bounded by a school year: which year it is and which years hold data. */
export interface YearPage<T> extends Page<T> {
  schoolYear: number;
  /** The school years that have groups, newest first: the year filter's choices. */
  schoolYears: number[];
}
