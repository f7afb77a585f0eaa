/**
 * Exact decimal arithmetic on the API's amounts (JSON numbers or strings of a BigDecimal): sums and half-up rounding
 * happen on scaled BigInts, never on binary floats, so a group's sum is the sum the platform would compute.
 */
export const SCALE = 12
const TEN = 10n
const FACTOR = TEN ** BigInt(SCALE)

/** A decimal value scaled by 10^SCALE, or null when the input is missing or not a finite number. */
export type Scaled = bigint | null

export function parseDecimal(value: unknown): Scaled {
  if (value === null || value === undefined || value === '') return null
  let text: string
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null
    text = numberToPlain(value)
  } else if (typeof value === 'string' || typeof value === 'bigint') {
    text = String(value).trim()
  } else {
    return null
  }
  const match = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text)
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null
  const negative = match[1] === '-'
  const digits = (match[2] || '0') + (match[3] ?? '')
  const exponent = (match[4] ? parseInt(match[4], 10) : 0) - (match[3] ?? '').length + SCALE
  let scaled: bigint
  if (exponent >= 0) {
    scaled = BigInt(digits) * TEN ** BigInt(exponent)
  } else {
    // more digits than SCALE: round half-up at the scale (values beyond 12 decimals never reach the page)
    const keep = digits.length + exponent
    const head = keep > 0 ? digits.slice(0, keep) : '0'
    const next = keep >= 0 && keep < digits.length ? digits.charCodeAt(keep) - 48 : 0
    scaled = BigInt(head) + (next >= 5 ? 1n : 0n)
  }
  return negative ? -scaled : scaled
}

function numberToPlain(n: number): string {
  // toString gives the shortest text that round-trips, which is what a JSON number meant
  return n.toString()
}

export function sumDecimals(values: Iterable<unknown>): { sum: bigint; missing: number } {
  let sum = 0n
  let missing = 0
  for (const v of values) {
    const d = parseDecimal(v)
    if (d === null) missing++
    else sum += d
  }
  return { sum, missing }
}

/** Rounds a scaled value half-up (away from zero on .5) to `decimals` places; returns [sign, integer digits, fraction digits]. */
export function roundHalfUp(value: bigint, decimals: number): { negative: boolean; integer: string; fraction: string } {
  const negative = value < 0n
  let abs = negative ? -value : value
  const drop = TEN ** BigInt(SCALE - decimals)
  const remainder = abs % drop
  abs = abs / drop + (remainder * 2n >= drop ? 1n : 0n)
  const unit = TEN ** BigInt(decimals)
  const integer = (abs / unit).toString()
  const fraction = decimals > 0 ? (abs % unit).toString().padStart(decimals, '0') : ''
  return { negative: negative && abs !== 0n, integer, fraction }
}

export function toPlainString(value: bigint, decimals = SCALE): string {
  const r = roundHalfUp(value, decimals)
  const fraction = r.fraction.replace(/0+$/, '')
  return (r.negative ? '-' : '') + r.integer + (fraction ? '.' + fraction : '')
}

export function fromScaled(value: bigint): number {
  return Number(value) / Number(FACTOR)
}
