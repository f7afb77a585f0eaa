import { parseDecimal, SCALE, toPlainString } from '../../format/decimal'

/**
 * The allocation matrix as numbers, apart from React: what a cell holds, what a row adds up to while the user types,
 * and how a saved value changes the employee's total. Hours are exact (decimal strings scaled to BigInt), never
 * floats, so 0.1 + 0.2 h is 0.3 h as the survey service adds it.
 *
 * Totals follow the survey's read model: an employee's allocated total is the sum of the *current* value of every
 * employee × product, whichever interview recorded it last. A row therefore adds the hours of the employee outside
 * the table (other products) to the current value of each column, with what the user is typing in place of the
 * current value of that cell.
 */
export type Hours = bigint

export interface MatrixEmployee {
  id: string
  name: string
  position?: string | null
  contractedHours: Hours
}

export interface MatrixProduct {
  id: string
  name: string
}

/** This interview's own value of a cell, and the reason when it came from a correction. */
export interface OwnValue {
  hours: Hours
  correctionReason?: string | null
}

/** The current value of a cell, and the interview that holds it. */
export interface CurrentValue {
  hours: Hours
  interviewId: string | null
}

export interface MatrixModel {
  interviewId: string
  employees: MatrixEmployee[]
  products: MatrixProduct[]
  own: Map<string, OwnValue>
  current: Map<string, CurrentValue>
  /** The employee's allocated total over all products, as the survey service last computed it. */
  allocated: Map<string, Hours>
}

export const ZERO: Hours = 0n

export function cellKey(employeeId: string, productId: string): string {
  return employeeId + '|' + productId
}

export function hours(value: unknown): Hours {
  return parseDecimal(value) ?? ZERO
}

export type ParsedHours = { ok: true; value: Hours; plain: string } | { ok: false }

/**
 * What the user typed, as hours. Empty means 0 (the API removes the allocation). A comma is read as the decimal
 * mark when there is no dot (hours never reach the thousands, so `7,5` is seven and a half). A minus sign is kept:
 * the survey service refuses negative hours with its own message, which the cell then shows.
 */
export function parseHoursInput(text: string): ParsedHours {
  let t = text.trim().replace(/\s+/g, '')
  if (t === '') return { ok: true, value: ZERO, plain: '0' }
  if (!t.includes('.') && /^-?\d*,\d+$/.test(t)) t = t.replace(',', '.')
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(t)) return { ok: false }
  const value = parseDecimal(t)
  if (value === null) return { ok: false }
  return { ok: true, value, plain: toPlainString(value, SCALE) }
}

/** The text a cell shows for this interview's own value ('' when the interview holds none). */
export function ownText(model: MatrixModel, employeeId: string, productId: string): string {
  const own = model.own.get(cellKey(employeeId, productId))
  return own ? toPlainString(own.hours) : ''
}

/** The current value when another interview holds it (shown as the cell's placeholder), else null. */
export function heldElsewhere(model: MatrixModel, employeeId: string, productId: string): Hours | null {
  const current = model.current.get(cellKey(employeeId, productId))
  if (!current || current.interviewId === model.interviewId || current.hours === ZERO) return null
  return current.hours
}

/** Hours of the employee on products that are not columns of the table. */
export function outsideHours(model: MatrixModel, employeeId: string): Hours {
  let inTable = ZERO
  for (const p of model.products) inTable += model.current.get(cellKey(employeeId, p.id))?.hours ?? ZERO
  return (model.allocated.get(employeeId) ?? ZERO) - inTable
}

export type Drafts = Readonly<Record<string, string>>

/** The value a cell counts with: a valid draft if the user is typing one, else the current value. */
export function effectiveHours(model: MatrixModel, drafts: Drafts, employeeId: string, productId: string): Hours {
  const key = cellKey(employeeId, productId)
  const draft = drafts[key]
  if (draft !== undefined) {
    const parsed = parseHoursInput(draft)
    if (parsed.ok) return parsed.value
  }
  return model.current.get(key)?.hours ?? ZERO
}

export interface RowTotal {
  total: Hours
  contracted: Hours
  outside: Hours
  /** total − contracted: positive when over-allocated. */
  difference: Hours
  over: boolean
}

export function rowTotal(model: MatrixModel, drafts: Drafts, employee: MatrixEmployee): RowTotal {
  const outside = outsideHours(model, employee.id)
  let total = outside
  for (const p of model.products) total += effectiveHours(model, drafts, employee.id, p.id)
  const difference = total - employee.contractedHours
  return { total, contracted: employee.contractedHours, outside, difference, over: difference > ZERO }
}

export function columnTotal(model: MatrixModel, drafts: Drafts, productId: string): Hours {
  let total = ZERO
  for (const e of model.employees) total += effectiveHours(model, drafts, e.id, productId)
  return total
}

/**
 * The model after the survey service accepted `hours` for a cell in this interview: the interview holds the value
 * (0 removes it), it becomes the current value, and the employee's total moves by the difference — as the survey's
 * projection does it in the command's transaction.
 */
export function applySaved(
  model: MatrixModel,
  employeeId: string,
  productId: string,
  value: Hours,
  correctionReason: string | null = null,
): MatrixModel {
  const key = cellKey(employeeId, productId)
  const own = new Map(model.own)
  const current = new Map(model.current)
  const allocated = new Map(model.allocated)
  const before = current.get(key)?.hours ?? ZERO
  if (value === ZERO) {
    own.delete(key)
    current.delete(key)
  } else {
    own.set(key, { hours: value, correctionReason })
    current.set(key, { hours: value, interviewId: model.interviewId })
  }
  allocated.set(employeeId, (allocated.get(employeeId) ?? ZERO) + value - before)
  return { ...model, own, current, allocated }
}

/** Adds a column (a product of another center) unless it is already there. */
export function withProduct(model: MatrixModel, product: MatrixProduct): MatrixModel {
  return withProducts(model, [product])
}

/** Adds the missing columns and takes the new names of the present ones (a product just registered or renamed). */
export function withProducts(model: MatrixModel, products: readonly MatrixProduct[]): MatrixModel {
  let changed = false
  const byId = new Map(products.map((p) => [p.id, p]))
  const next = model.products.map((p) => {
    const renamed = byId.get(p.id)
    if (renamed && renamed.name !== p.name) {
      changed = true
      return { ...p, name: renamed.name }
    }
    return p
  })
  for (const p of products) {
    if (!model.products.some((q) => q.id === p.id)) {
      next.push({ id: p.id, name: p.name })
      changed = true
    }
  }
  return changed ? { ...model, products: next } : model
}
