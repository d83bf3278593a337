import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useMemo, useState, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  label: string;
  render: (row: T) => ReactNode;
  /** What the column sorts by; a column without it does not sort. */
  sortValue?: (row: T) => string | number;
}

/** A table whose headers sort it (keyboard too: they are buttons), announcing the order to screen readers. */
export function SortableTable<T>({
  rows,
  columns,
  rowKey,
  caption,
  initialSort,
}: {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  caption: string;
  initialSort?: { key: string; direction: 'ascending' | 'descending' };
}) {
  const [sort, setSort] = useState(initialSort ?? null);
  const sorted = useMemo(() => {
    const col = sort && columns.find((c) => c.key === sort.key);
    if (!col?.sortValue || !sort) return rows;
    const value = col.sortValue;
    const dir = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir;
    });
  }, [rows, columns, sort]);
  const toggle = (key: string) =>
    setSort((s) => (s?.key === key ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { key, direction: 'ascending' }));

  return (
    <Table aria-label={caption} size="small">
      <TableHeader>
        <TableRow>
          {columns.map((c) =>
            c.sortValue ? (
              <TableHeaderCell
                key={c.key}
                sortable
                sortDirection={sort?.key === c.key ? sort.direction : undefined}
                onClick={() => toggle(c.key)}
                aria-sort={sort?.key === c.key ? sort.direction : 'none'}
              >
                {c.label}
              </TableHeaderCell>
            ) : (
              <TableHeaderCell key={c.key}>{c.label}</TableHeaderCell>
            ),
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {sorted.map((row) => (
          <TableRow key={rowKey(row)}>
            {columns.map((c) => (
              <TableCell key={c.key}>{c.render(row)}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
