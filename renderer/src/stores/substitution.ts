import { defineStore } from 'pinia';
import type { Input } from '../../../common/contract';
import type {
  SubstitutionEntry,
  SubstitutionOptions,
  SubstitutionPage,
  SubstitutionRow,
} from '../../../common/contract/substitution';
import { call } from '../api/client';
import { pagedList } from './paged';

type SubstitutionFilter = Omit<Input<'substitution.list'>, 'limit' | 'offset'>;

/** Substitutions: the managers' register of them, a teacher's own on either side; a page at a time. */
export const useSubstitutionStore = defineStore('substitution', () => {
  const list = pagedList<SubstitutionRow, SubstitutionFilter, SubstitutionPage>(
    (input) => call('substitution.list', input),
    {},
  );

  /** The first page with these filters; without, the page shown read again (after a change). */
  async function load(filter?: SubstitutionFilter): Promise<void> {
    if (filter) await list.load(filter);
    else await list.goTo(list.first.value);
  }

  /** The groups, their teachers and the possible substitutes of a period, for the form. */
  function options(fromDate: string, toDate: string): Promise<SubstitutionOptions> {
    return call('substitution.options', { fromDate, toDate });
  }

  /** What the substitute entered on the absent teacher's behalf. */
  function entries(id: number): Promise<SubstitutionEntry[]> {
    return call('substitution.entries', { id });
  }

  async function create(input: Input<'substitution.create'>): Promise<void> {
    await call('substitution.create', input);
    await load();
  }

  async function end(id: number): Promise<void> {
    await call('substitution.end', { id });
    await load();
  }

  return { list, load, options, entries, create, end };
});
