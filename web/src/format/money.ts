import { parseDecimal, roundHalfUp, type Scaled } from './decimal'

/**
 * The platform's figures as people read them: es-DO grouping (`49,122.81`), money as `RD$ 49,122.81`, rounded
 * half-up to cents once, here, from the exact amount the API sent. A missing amount is never a number: it is a gap
 * the page flags (`sin volumen` for a unit cost without volume), never `Infinity` or `NaN`.
 */
export const CURRENCY_PREFIX = 'RD$ '

export type Lang = 'es' | 'en'

const separatorsCache = new Map<string, { group: string; decimal: string }>()

/** The locale's separators. es-DO in ICU groups with ',' and marks decimals with '.', as the Dominican public sector writes. */
export function separators(locale = 'es-DO'): { group: string; decimal: string } {
  let s = separatorsCache.get(locale)
  if (!s) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5)
    s = {
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    }
    separatorsCache.set(locale, s)
  }
  return s
}

function group(integer: string, sep: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, sep)
}

/** Formats an exact decimal with `decimals` places (half-up); null when the value is missing or not finite. */
export function formatDecimal(value: unknown, decimals = 2, locale = 'es-DO'): string | null {
  const scaled: Scaled = typeof value === 'bigint' ? value : parseDecimal(value)
  if (scaled === null) return null
  const r = roundHalfUp(scaled, decimals)
  const { group: g, decimal: d } = separators(locale)
  return (r.negative ? '-' : '') + group(r.integer, g) + (decimals > 0 ? d + r.fraction : '')
}

/** `RD$ 49,122.81`, `-RD$ 1,234.50`; null for a missing amount. */
export function formatMoney(value: unknown, locale = 'es-DO'): string | null {
  const plain = formatDecimal(value, 2, locale)
  if (plain === null) return null
  return plain.startsWith('-') ? '-' + CURRENCY_PREFIX + plain.slice(1) : CURRENCY_PREFIX + plain
}

/** Hours and counts: up to `decimals` places, trailing zeros kept so columns align. */
export function formatNumber(value: unknown, decimals = 2, locale = 'es-DO'): string | null {
  return formatDecimal(value, decimals, locale)
}

export function formatInteger(value: unknown, locale = 'es-DO'): string | null {
  return formatDecimal(value, 0, locale)
}

/** A share given as a fraction (0.25) or as percent points (25) — the caller says which. */
export function formatPercent(value: unknown, { points = true, decimals = 2 } = {}, locale = 'es-DO'): string | null {
  const scaled = parseDecimal(value)
  if (scaled === null) return null
  const v = points ? scaled : scaled * 100n
  const text = formatDecimal(v, decimals, locale)
  return text === null ? null : text + ' %'
}
