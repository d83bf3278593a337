import { useCallback, useEffect, useState } from 'react';
import { get } from '../api/client.js';
import type { DashboardListPage, DashboardPage, DashboardPageItems } from '../api/types.js';

export type DashboardListName = keyof DashboardPageItems;

/** How many more rows one "Show more" asks for. */
export const MORE = 50;

export interface PagedList<T> {
  rows: T[];
  total: number;
  /** Null when every row is shown. */
  more: (() => void) | null;
  loading: boolean;
  error: unknown;
}

/**
 * One of the dashboard's case lists: its first page came with the dashboard; each "Show more" asks
 * the server for the next page (GET /services/:id/dashboard/:list?offset=&limit=), in the same order.
 */
export function usePagedList<L extends DashboardListName>(
  serviceId: string,
  list: L,
  first: DashboardPageItems[L][],
  page: DashboardListPage | undefined,
): PagedList<DashboardPageItems[L]> {
  const [rows, setRows] = useState(first);
  const [next, setNext] = useState<number | null>(page?.nextOffset ?? null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setRows(first);
    setNext(page?.nextOffset ?? null);
    setError(null);
  }, [first, page?.nextOffset]);
  const more = useCallback(() => {
    if (next === null || loading) return;
    setLoading(true);
    get<DashboardPage<L>>(`/services/${serviceId}/dashboard/${list}?offset=${next}&limit=${MORE}`)
      .then((p) => {
        setRows((shown) => [...shown, ...p.items]);
        setNext(p.nextOffset);
        setError(null);
      })
      .catch(setError)
      .finally(() => setLoading(false));
  }, [serviceId, list, next, loading]);
  return { rows, total: page?.total ?? first.length, more: next === null ? null : more, loading, error };
}
