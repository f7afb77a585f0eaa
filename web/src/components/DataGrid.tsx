import { useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import {
  columnFilteringFeature,
  columnGroupingFeature,
  columnVisibilityFeature,
  createExpandedRowModel,
  createFilteredRowModel,
  createGroupedRowModel,
  createPaginatedRowModel,
  createSortedRowModel,
  rowExpandingFeature,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnFiltersState,
  type ExpandedState,
  type GroupingState,
  type PaginationState,
  type SortingState,
  type ColumnVisibilityState as VisibilityState,
} from '@tanstack/react-table'
import { sumDecimals } from '../format/decimal'
import { compareValues, displayText, exportValue, isNumeric, matchesFilter, type GridColumn } from './gridModel'
import { buildShownTable, download, toCsv, toXlsx, type ShownRow } from './gridExport'
import { ServerExport } from './ServerExport'
import type { ServerExportTarget } from '../api/exports'

/**
 * The platform's table, Airtable-grade on TanStack Table's free core: sort (click a header, Enter/Space on it),
 * a filter per column, group by any column with the count and the sums per group, hide columns, pages of rows so
 * thousands stay responsive, and CSV/XLSX downloads of exactly what is shown. Every cell carries `data-col`,
 * `data-row` and `data-value` (the exact value) for the browser tests (web/TESTING.md).
 */
const features = tableFeatures({
  columnFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  columnGroupingFeature,
  groupedRowModel: createGroupedRowModel(),
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  rowExpandingFeature,
  expandedRowModel: createExpandedRowModel(),
  columnVisibilityFeature,
  rowPaginationFeature,
  paginatedRowModel: createPaginatedRowModel(),
})

export interface DataGridProps<T> {
  /** Prefix of every data-testid of this grid, e.g. `costs-products`. */
  id: string
  caption: string
  columns: GridColumn<T>[]
  rows: T[]
  rowId: (row: T) => string
  initialGrouping?: string[]
  initialSorting?: SortingState
  pageSize?: number
  fileName: string
  toolbar?: ReactNode
  /** The platform's own CSV/XLSX of this view (whole table, exact amounts), beside the grid's download of what it shows. */
  serverExport?: ServerExportTarget
}

const PAGE_SIZES = [25, 50, 100, 250, 1000]

export function DataGrid<T>(props: DataGridProps<T>) {
  const { id, columns, rows, rowId } = props
  const { t } = useTranslation()
  const yesNo: [string, string] = [t('grid.yes'), t('grid.no')]
  const [sorting, setSorting] = useState<SortingState>(props.initialSorting ?? [])
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>([])
  const [grouping, setGrouping] = useState<GroupingState>(props.initialGrouping ?? [])
  const [expanded, setExpanded] = useState<ExpandedState>(true)
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>(() =>
    Object.fromEntries(columns.filter((c) => c.hidden).map((c) => [c.id, false])),
  )
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: props.pageSize ?? 50 })
  const [showColumns, setShowColumns] = useState(false)
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns])

  const columnDefs = useMemo(
    () =>
      columns.map((c) => ({
        id: c.id,
        header: c.header,
        accessorFn: (row: T) => c.value(row) as never,
        enableGrouping: true,
        sortDescFirst: false,
        sortFn: (a: { getValue: (id: string) => unknown }, b: { getValue: (id: string) => unknown }, columnId: string) =>
          compareValues(c.kind, a.getValue(columnId), b.getValue(columnId)),
        filterFn: (row: { getValue: (id: string) => unknown }, columnId: string, filter: unknown) => {
          const v = row.getValue(columnId)
          return matchesFilter(c.kind, v, displayText(c.kind, v, yesNo, c.decimals), String(filter ?? ''))
        },
        // the grouped column's own value decides the group; a money group is its exact amount
        getGroupingValue: (row: T) => {
          const v = c.value(row)
          return v === null || v === undefined ? '' : c.kind === 'boolean' ? Boolean(v) : (v as never)
        },
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [columns, t],
  )

  const table = useTable({
    features,
    columns: columnDefs as never,
    data: rows,
    getRowId: (row: T) => rowId(row),
    state: { sorting, columnFilters, grouping, expanded, columnVisibility, pagination },
    onSortingChange: setSorting,
    onColumnFiltersChange: setColumnFilters,
    onGroupingChange: setGrouping,
    onExpandedChange: setExpanded,
    onColumnVisibilityChange: setColumnVisibility,
    onPaginationChange: setPagination,
    groupedColumnMode: false,
    autoResetExpanded: false,
  } as never) as any // eslint-disable-line @typescript-eslint/no-explicit-any

  const visibleColumns: GridColumn<T>[] = table
    .getVisibleLeafColumns()
    .map((c: { id: string }) => byId.get(c.id)!)
    .filter(Boolean)
  const filteredModel = table.getFilteredRowModel().rows as { original: T }[]
  // the row model is memoized by the table: recompute the leaves and their exact totals only when it changes
  const filteredLeaves = useMemo(() => filteredModel.map((r) => r.original), [filteredModel])
  const grouped = grouping.length > 0

  const shownRows = (): ShownRow<T>[] => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const walk = (list: any[]): ShownRow<T>[] =>
      list.map((r) =>
        r.getIsGrouped()
          ? {
              original: r.original,
              depth: r.depth,
              group: { columnId: r.groupingColumnId, value: r.groupingValue, leaves: r.getLeafRows().filter((l: any) => !l.getIsGrouped()).map((l: any) => l.original) }, // eslint-disable-line @typescript-eslint/no-explicit-any
              children: walk(r.subRows),
            }
          : { original: r.original, depth: r.depth, children: [] },
      )
    return walk(table.getSortedRowModel().rows)
  }

  const exportShown = async (format: 'csv' | 'xlsx') => {
    const shown = buildShownTable(visibleColumns, shownRows(), grouped, { count: t('grid.groupCountHeader'), total: t('grid.total'), yesNo }, filteredLeaves)
    if (format === 'csv') download(new Blob([toCsv(shown)], { type: 'text/csv;charset=utf-8' }), props.fileName + '.csv')
    else download(await toXlsx(shown, props.caption), props.fileName + '.xlsx')
  }

  const cellContent = (c: GridColumn<T>, row: T): ReactNode => {
    if (c.render) return c.render(row)
    const v = c.value(row)
    const text = displayText(c.kind, v, yesNo, c.decimals)
    if (text === null) {
      const gap = c.gap?.(row)
      return gap ? <span className="gap-flag" data-gap="true">{gap}</span> : null
    }
    return text
  }

  const plain = (c: GridColumn<T>, v: unknown) => {
    const e = exportValue(c.kind, v, yesNo, c.decimals)
    return e === null ? undefined : String(e)
  }

  const sumsFor = (leaves: T[]) => (c: GridColumn<T>) => (c.sum ? sumDecimals(leaves.map((r) => c.value(r))).sum : null)

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const renderRows = table.getRowModel().rows as any[]
  const pageCount: number = table.getPageCount()
  const totalsByColumn = useMemo(
    () => new Map(columns.filter((c) => c.sum).map((c) => [c.id, sumDecimals(filteredLeaves.map((r) => c.value(r))).sum])),
    [columns, filteredLeaves],
  )
  const totals = (c: GridColumn<T>) => totalsByColumn.get(c.id) ?? null

  return (
    <section className="datagrid" data-testid={`${id}-grid`} aria-label={props.caption}>
      <div className="toolbar">
        <label>
          {t('grid.groupBy')}{' '}
          <select
            data-testid={`${id}-group-by`}
            value={grouping[0] ?? ''}
            onChange={(e) => {
              setGrouping(e.target.value ? [e.target.value] : [])
              setExpanded(true)
            }}
          >
            <option value="">{t('grid.none')}</option>
            {columns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.header}
              </option>
            ))}
          </select>
        </label>
        <div className="columns-menu">
          <button
            type="button"
            aria-expanded={showColumns}
            aria-controls={`${id}-columns-list`}
            data-testid={`${id}-columns`}
            onClick={() => setShowColumns((s) => !s)}
          >
            {t('grid.columns')}
          </button>
          {showColumns && (
            <fieldset id={`${id}-columns-list`}>
              <legend className="visually-hidden">{t('grid.columns')}</legend>
              {columns.map((c) => (
                <label key={c.id}>
                  <input
                    type="checkbox"
                    data-testid={`${id}-col-toggle-${c.id}`}
                    checked={columnVisibility[c.id] !== false}
                    onChange={(e) => setColumnVisibility((v) => ({ ...v, [c.id]: e.target.checked }))}
                  />{' '}
                  {c.header}
                </label>
              ))}
            </fieldset>
          )}
        </div>
        <button type="button" data-testid={`${id}-csv`} onClick={() => void exportShown('csv')}>
          {t('grid.csv')}
        </button>
        <button type="button" data-testid={`${id}-xlsx`} onClick={() => void exportShown('xlsx')}>
          {t('grid.xlsx')}
        </button>
        {props.serverExport && <ServerExport id={id} target={props.serverExport} />}
        <span data-testid={`${id}-row-count`} data-count={filteredLeaves.length} role="status">
          {t('grid.rows', { shown: filteredLeaves.length, total: rows.length })}
        </span>
        {props.toolbar}
      </div>
      <div className="grid-wrap">
        <table className="grid">
          <caption className="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              {visibleColumns.map((c) => {
                const column = table.getColumn(c.id)
                const dir = column.getIsSorted() as false | 'asc' | 'desc'
                return (
                  <th
                    key={c.id}
                    scope="col"
                    data-col={c.id}
                    className={isNumeric(c.kind) ? 'num' : undefined}
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                  >
                    <button type="button" className="sort" data-testid={`${id}-sort-${c.id}`} onClick={column.getToggleSortingHandler()}>
                      {c.header}
                      {dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}
                    </button>
                  </th>
                )
              })}
            </tr>
            <tr className="filters">
              {visibleColumns.map((c) => {
                const column = table.getColumn(c.id)
                return (
                  <th key={c.id}>
                    <input
                      type="search"
                      aria-label={t('grid.filter', { column: c.header })}
                      data-testid={`${id}-filter-${c.id}`}
                      value={(column.getFilterValue() as string) ?? ''}
                      onChange={(e) => column.setFilterValue(e.target.value || undefined)}
                    />
                  </th>
                )
              })}
            </tr>
          </thead>
          <tbody>
            {renderRows.length === 0 && (
              <tr>
                <td colSpan={visibleColumns.length}>{t('grid.empty')}</td>
              </tr>
            )}
            {renderRows.map((r) => {
              if (r.getIsGrouped()) {
                // eslint-disable-next-line @typescript-eslint/no-explicit-any
                const leaves: T[] = r.getLeafRows().filter((l: any) => !l.getIsGrouped()).map((l: any) => l.original)
                const sum = sumsFor(leaves)
                const groupColumn = byId.get(r.groupingColumnId)!
                return (
                  <tr
                    key={r.id}
                    className="group-row"
                    data-testid={`${id}-group`}
                    data-group-col={r.groupingColumnId}
                    data-group-value={plain(groupColumn, r.groupingValue) ?? ''}
                    data-count={leaves.length}
                  >
                    {visibleColumns.map((c) => {
                      if (c.id === r.groupingColumnId) {
                        return (
                          <td key={c.id} data-col={c.id} style={{ paddingLeft: `${0.5 + r.depth}rem` }}>
                            <button
                              type="button"
                              className="why"
                              aria-expanded={r.getIsExpanded()}
                              aria-label={`${r.getIsExpanded() ? t('grid.collapse') : t('grid.expand')}: ${displayText(c.kind, r.groupingValue, yesNo, c.decimals) ?? '—'}`}
                              onClick={r.getToggleExpandedHandler()}
                            >
                              {r.getIsExpanded() ? '▾' : '▸'}
                            </button>{' '}
                            {displayText(c.kind, r.groupingValue, yesNo, c.decimals) ?? '—'}{' '}
                            <span className="muted" data-testid={`${id}-group-count`}>
                              ({t('grid.groupCount', { count: leaves.length })})
                            </span>
                          </td>
                        )
                      }
                      const s = sum(c)
                      return (
                        <td key={c.id} data-col={c.id} data-agg={s === null ? undefined : 'sum'} data-value={s === null ? undefined : plain(c, s)} className={isNumeric(c.kind) ? 'num' : undefined}>
                          {s === null ? null : displayText(c.kind, s, yesNo, c.decimals)}
                        </td>
                      )
                    })}
                  </tr>
                )
              }
              const original = r.original as T
              const key = rowId(original)
              return (
                <tr key={r.id} data-testid={`${id}-row`} data-row={key}>
                  {visibleColumns.map((c, i) => (
                    <td
                      key={c.id}
                      data-col={c.id}
                      data-row={key}
                      data-value={plain(c, c.value(original))}
                      className={isNumeric(c.kind) ? 'num' : undefined}
                      style={i === 0 && r.depth ? { paddingLeft: `${0.5 + r.depth * 1.25}rem` } : undefined}
                    >
                      {cellContent(c, original)}
                    </td>
                  ))}
                </tr>
              )
            })}
          </tbody>
          {visibleColumns.some((c) => c.sum) && (
            <tfoot>
              <tr data-testid={`${id}-totals`}>
                {visibleColumns.map((c, i) => {
                  const s = totals(c)
                  return (
                    <td key={c.id} data-col={c.id} data-testid={s === null ? undefined : `${id}-total-${c.id}`} data-value={s === null ? undefined : plain(c, s)} className={isNumeric(c.kind) ? 'num' : undefined}>
                      {s === null ? (i === 0 ? t('grid.total') : null) : displayText(c.kind, s, yesNo, c.decimals)}
                    </td>
                  )
                })}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      <div className="toolbar pager">
        <button type="button" data-testid={`${id}-prev`} disabled={!table.getCanPreviousPage()} onClick={() => table.previousPage()}>
          {t('grid.previous')}
        </button>
        <span data-testid={`${id}-page`}>{t('grid.page', { page: pagination.pageIndex + 1, pages: Math.max(1, pageCount) })}</span>
        <button type="button" data-testid={`${id}-next`} disabled={!table.getCanNextPage()} onClick={() => table.nextPage()}>
          {t('grid.next')}
        </button>
        <label>
          {t('grid.pageSize')}{' '}
          <select
            data-testid={`${id}-page-size`}
            value={pagination.pageSize}
            onChange={(e) => setPagination({ pageIndex: 0, pageSize: Number(e.target.value) })}
          >
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  )
}

export type { GridColumn }

