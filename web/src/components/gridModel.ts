import type { ReactNode } from 'react'
import { formatDecimal, formatInteger, formatMoney, formatPercent } from '../format/money'
import { parseDecimal, roundHalfUp, type Scaled } from '../format/decimal'

/**
 * What a page says about a column of its grid; the grid does the rest (sort, filter, group, sums, hide, export).
 * Values stay exact (the API's decimal) until they are shown or exported, rounded half-up there once.
 */
export type ColumnKind = 'text' | 'money' | 'number' | 'integer' | 'percent' | 'boolean'

export interface GridColumn<T> {
  id: string
  header: string
  value: (row: T) => unknown
  kind?: ColumnKind
  /** Summed per group and in the total line (money, hours, counts). */
  sum?: boolean
  /** What a missing value means here, e.g. `sin volumen`: shown flagged, exported as that text. */
  gap?: (row: T) => string | null
  /** Custom cell (links, "¿por qué?" buttons); the exported value stays `value`. */
  render?: (row: T) => ReactNode
  /** Hidden until the user shows it. */
  hidden?: boolean
  decimals?: number
}

export function isNumeric(kind: ColumnKind | undefined): boolean {
  return kind === 'money' || kind === 'number' || kind === 'integer' || kind === 'percent'
}

/** The text a cell shows (and the filter matches): formatted number, Sí/No, or the raw text. */
export function displayText(kind: ColumnKind | undefined, value: unknown, yesNo: [string, string], decimals = 2): string | null {
  if (value === null || value === undefined || value === '') return null
  switch (kind) {
    case 'money':
      return formatMoney(value)
    case 'number':
      return formatDecimal(value, decimals)
    case 'integer':
      return formatInteger(value)
    case 'percent':
      return formatPercent(value, { points: true, decimals })
    case 'boolean':
      return value ? yesNo[0] : yesNo[1]
    default:
      return String(value)
  }
}

/** What an export writes for a value: numbers as plain decimals at the shown precision, booleans as Sí/No. */
export function exportValue(kind: ColumnKind | undefined, value: unknown, yesNo: [string, string], decimals = 2): string | number | null {
  if (value === null || value === undefined || value === '') return null
  if (isNumeric(kind)) {
    const scaled = typeof value === 'bigint' ? value : parseDecimal(value)
    if (scaled === null) return null
    const places = kind === 'integer' ? 0 : kind === 'money' ? 2 : decimals
    const r = roundHalfUp(scaled, places)
    return (r.negative ? '-' : '') + r.integer + (places > 0 ? '.' + r.fraction : '')
  }
  if (kind === 'boolean') return value ? yesNo[0] : yesNo[1]
  return String(value)
}

export function compareValues(kind: ColumnKind | undefined, a: unknown, b: unknown): number {
  if (isNumeric(kind)) {
    const x: Scaled = typeof a === 'bigint' ? a : parseDecimal(a)
    const y: Scaled = typeof b === 'bigint' ? b : parseDecimal(b)
    if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1
    return x < y ? -1 : x > y ? 1 : 0
  }
  if (kind === 'boolean') return Number(Boolean(a)) - Number(Boolean(b))
  return String(a ?? '').localeCompare(String(b ?? ''), 'es', { sensitivity: 'base', numeric: true })
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()

/**
 * A column filter as people type it: text matches anywhere (accents and case ignored); numbers take `>100`, `<=5`,
 * `=0` or a part of the shown figure; `Sí`/`No` for yes/no columns.
 */
export function matchesFilter(kind: ColumnKind | undefined, value: unknown, shown: string | null, filter: string): boolean {
  const f = filter.trim()
  if (!f) return true
  if (isNumeric(kind)) {
    const m = /^(>=|<=|>|<|=)\s*(-?[\d.,]+)$/.exec(f)
    if (m) {
      const x = typeof value === 'bigint' ? value : parseDecimal(value)
      const y = parseDecimal(m[2].replace(/,/g, ''))
      if (x === null || y === null) return false
      switch (m[1]) {
        case '>': return x > y
        case '<': return x < y
        case '>=': return x >= y
        case '<=': return x <= y
        default: return x === y
      }
    }
  }
  return fold(shown ?? '').includes(fold(f))
}
