import { sumDecimals } from '../format/decimal'
import { exportValue, type GridColumn } from './gridModel'

/**
 * The grid as shown, for a download: the visible columns in their shown order, the filtered rows in their shown
 * order, and when grouped a line per group (its value, its row count and its sums) before its rows, then the total
 * line. Every page of the grid is included; a download is what the table holds, not one screen of it.
 */
export interface ShownTable {
  headers: string[]
  kinds: (GridColumn<unknown>['kind'] | 'count')[]
  rows: { kind: 'group' | 'row' | 'total'; depth: number; cells: (string | number | null)[] }[]
}

export interface ShownRow<T> {
  original: T
  depth: number
  group?: { columnId: string; value: unknown; leaves: T[] }
  children: ShownRow<T>[]
}

export function buildShownTable<T>(
  columns: GridColumn<T>[],
  rows: ShownRow<T>[],
  grouped: boolean,
  labels: { count: string; total: string; yesNo: [string, string] },
  allLeaves: T[],
): ShownTable {
  const headers = (grouped ? [labels.count] : []).concat(columns.map((c) => c.header))
  const kinds: ShownTable['kinds'] = (grouped ? (['count'] as ShownTable['kinds']) : []).concat(columns.map((c) => c.kind))
  const out: ShownTable['rows'] = []
  const sums = (leaves: T[]) =>
    columns.map((c) => (c.sum ? exportValue(c.kind, sumDecimals(leaves.map((r) => c.value(r))).sum, labels.yesNo, c.decimals) : null))
  const walk = (list: ShownRow<T>[]) => {
    for (const r of list) {
      if (r.group) {
        const cells = sums(r.group.leaves)
        const at = columns.findIndex((c) => c.id === r.group!.columnId)
        if (at >= 0) cells[at] = exportValue(columns[at].kind, r.group.value, labels.yesNo, columns[at].decimals)
        out.push({ kind: 'group', depth: r.depth, cells: [r.group.leaves.length as number | string | null].concat(cells) })
        walk(r.children)
      } else {
        const cells = columns.map((c) => {
          const v = exportValue(c.kind, c.value(r.original), labels.yesNo, c.decimals)
          return v === null && c.gap ? c.gap(r.original) : v
        })
        out.push({ kind: 'row', depth: r.depth, cells: (grouped ? [null as string | number | null] : []).concat(cells) })
      }
    }
  }
  walk(rows)
  if (columns.some((c) => c.sum)) {
    const total = sums(allLeaves)
    const firstText = total.findIndex((_, i) => !columns[i].sum)
    if (firstText >= 0) total[firstText] = labels.total
    out.push({ kind: 'total', depth: 0, cells: (grouped ? [allLeaves.length as string | number | null] : []).concat(total) })
  }
  return { headers, kinds, rows: out }
}

/** Text a spreadsheet would run as a formula (first character = + - @, TAB or CR), unless a plain number. */
export function runsAsFormula(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+(\.\d+)?$/.test(s)
}

export function csvCell(v: string | number | null): string {
  if (v === null || v === undefined) return ''
  const s = typeof v === 'string' && runsAsFormula(v) ? "'" + v : String(v)
  return /[",\n\r;]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s
}

/** CSV (UTF-8 with BOM so spreadsheets read the accents), comma separated, numbers as plain decimals. */
export function toCsv(shown: ShownTable): string {
  const lines = [shown.headers, ...shown.rows.map((r) => r.cells)].map((cells) => cells.map(csvCell).join(','))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

/** XLSX with numeric cells (money as `RD$ #,##0.00`), bold group and total lines; exceljs is loaded on demand. */
export async function toXlsx(shown: ShownTable, sheetName: string): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || 'PPI')
  sheet.addRow(shown.headers).font = { bold: true }
  for (const r of shown.rows) {
    const row = sheet.addRow(
      r.cells.map((v, i) => {
        const kind = shown.kinds[i]
        if (v !== null && typeof v === 'string' && (kind === 'money' || kind === 'number' || kind === 'integer' || kind === 'percent')) {
          const n = Number(v)
          return Number.isFinite(n) && /^-?\d+(\.\d+)?$/.test(v) ? n : v
        }
        return v
      }),
    )
    if (r.kind !== 'row') row.font = { bold: true }
  }
  shown.kinds.forEach((kind, i) => {
    const column = sheet.getColumn(i + 1)
    if (kind === 'money') column.numFmt = '"RD$ "#,##0.00'
    else if (kind === 'number' || kind === 'percent') column.numFmt = '#,##0.00'
    else if (kind === 'integer' || kind === 'count') column.numFmt = '#,##0'
    column.width = Math.min(48, Math.max(10, shown.headers[i].length + 4))
  })
  const buffer = await workbook.xlsx.writeBuffer()
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
