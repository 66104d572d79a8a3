import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import { PAGE_SIZES, type Page } from '../../../common/contract/paging';
import { loadFlags } from './waiting';

/**
 * One paged list as a store keeps it (common/contract/paging.ts): the page's rows, the total,
 * where the page starts, its size, the filters, and what else the backend sent with the page
 * (the school year, the filters' choices). Rows are plain frozen data in a shallowRef: a
 * read-only table needs no deep reactivity per cell, and a page is replaced, never edited.
 */
export interface PagedList<T, F, P extends Page<T>> {
  rows: ShallowRef<readonly T[]>;
  total: Ref<number>;
  first: Ref<number>;
  size: Ref<number>;
  /** A load has taken long enough to show (the table's mask); see loadFlags. */
  loading: Ref<boolean>;
  /** A load is in flight (from its first moment). */
  pending: Ref<boolean>;
  filter: Ref<F>;
  /** The rest of the last answer (school year, the filters' choices), or null before one. */
  meta: ShallowRef<Omit<P, 'rows' | 'total'> | null>;
  /** Loads the first page with the filters changed as given (all kept when none). */
  load(change?: Partial<F>): Promise<void>;
  /** Loads another page, or the same start with another size. */
  goTo(first: number, size?: number): Promise<void>;
  /** Forgets the rows (the store outlives a logout: another user's rows never show). */
  clear(): void;
}

export function pagedList<T, F extends object, P extends Page<T>>(
  fetch: (input: F & { limit: number; offset: number }) => Promise<P>,
  initial: F,
): PagedList<T, F, P> {
  const rows = shallowRef<readonly T[]>([]);
  const meta = shallowRef<Omit<P, 'rows' | 'total'> | null>(null);
  const total = ref(0);
  const first = ref(0);
  const size = ref<number>(PAGE_SIZES[0]);
  const flags = loadFlags();
  const filter = ref({ ...initial }) as Ref<F>;
  let asked = 0;
  /** The answer on screen, as JSON. */
  let onScreen = '';

  async function fetchPage(): Promise<void> {
    const ticket = ++asked;
    flags.start();
    try {
      const answer = await fetch({ ...filter.value, limit: size.value, offset: first.value });
      // A slower answer to an earlier question must not overwrite the newer one.
      if (ticket !== asked) return;
      // The same page again (a screen opened anew shows the kept page at once, then asks):
      // nothing to redraw.
      const text = JSON.stringify(answer);
      if (text === onScreen) return;
      onScreen = text;
      const { rows: page, total: count, ...rest } = answer;
      rows.value = Object.freeze(page);
      total.value = count;
      meta.value = rest;
      // A page past the end (rows removed meanwhile): show the last page instead.
      if (page.length === 0 && count > 0 && first.value >= count) {
        first.value = Math.floor((count - 1) / size.value) * size.value;
        await fetchPage();
      }
    } finally {
      if (ticket === asked) flags.stop();
    }
  }

  return {
    rows,
    total,
    first,
    size,
    loading: flags.shown,
    pending: flags.pending,
    filter,
    meta,
    async load(change) {
      if (change) filter.value = { ...filter.value, ...change };
      first.value = 0;
      await fetchPage();
    },
    async goTo(start, pageSize) {
      if (pageSize !== undefined) size.value = pageSize;
      first.value = start;
      await fetchPage();
    },
    clear() {
      asked++;
      onScreen = '';
      rows.value = [];
      total.value = 0;
      first.value = 0;
      meta.value = null;
      filter.value = { ...initial };
    },
  };
}
