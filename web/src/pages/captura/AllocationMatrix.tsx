import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { toPlainString } from '../../format/decimal'
import {
  applySaved,
  cellKey,
  columnTotal,
  heldElsewhere,
  ownText,
  parseHoursInput,
  rowTotal,
  withProduct,
  withProducts,
  ZERO,
  type Drafts,
  type Hours,
  type MatrixModel,
  type MatrixProduct,
} from './matrix'
import './i18n'

/** A cell's life: untouched, typed but not saved, on its way, accepted, or refused (it keeps the typed text). */
export type CellState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error'

export interface SaveResult {
  correctionReason?: string | null
}

export interface AllocationMatrixProps {
  model: MatrixModel
  /** False for roles that may not record hours: the cells are read-only. */
  editable: boolean
  /** Sends one command for one cell; rejects with the API's error (its message is shown next to the cell). */
  save: (employeeId: string, productId: string, hours: Hours) => Promise<SaveResult | void>
  /** Products of other centers that may be added as columns. */
  otherProducts?: MatrixProduct[]
  /** Columns that must be there (the center's products, reloaded after one is registered or renamed). */
  columns?: MatrixProduct[]
}

interface Status {
  state: 'saving' | 'saved' | 'error'
  message?: string
}

export function formatHours(value: Hours): string {
  return toPlainString(value, 2)
}

/**
 * The employees × products table of one interview. Each cell is saved on its own (one command) when the user
 * leaves it or presses Enter; a refused save keeps the typed text in the cell with the API's message beside it.
 * Row totals add what is being typed, so an over-allocation shows before anything is saved.
 */
export const AllocationMatrix = memo(function AllocationMatrix({
  model: initial,
  editable,
  save,
  otherProducts = NONE,
  columns,
}: AllocationMatrixProps) {
  const { t } = useTranslation()
  const [model, setModel] = useState(initial)
  const [drafts, setDrafts] = useState<Drafts>({})
  const [status, setStatus] = useState<Record<string, Status>>({})
  const [announcement, setAnnouncement] = useState('')
  const [addChoice, setAddChoice] = useState('')
  const table = useRef<HTMLTableElement>(null)
  // The text of the last request sent per cell, so leaving a cell right after Enter does not send it twice.
  const inFlight = useRef<Map<string, string>>(new Map())
  const sequence = useRef<Map<string, number>>(new Map())
  // The cell a click has just focused: its mouseup must not undo the select-all that focusing did (Chromium would
  // otherwise put the caret at the click and typing would append to the old value instead of replacing it).
  const clickFocused = useRef<string | null>(null)

  useEffect(() => {
    // New columns join without a reload, so what is being typed elsewhere in the table stays.
    if (columns) setModel((m) => withProducts(m, columns))
  }, [columns])

  const employeeName = useCallback((id: string) => model.employees.find((e) => e.id === id)?.name ?? id, [model])
  const productName = useCallback((id: string) => model.products.find((p) => p.id === id)?.name ?? id, [model])

  const commit = useCallback(
    async (employeeId: string, productId: string, text: string) => {
      const key = cellKey(employeeId, productId)
      const saved = ownText(model, employeeId, productId)
      const parsed = parseHoursInput(text)
      if (!parsed.ok) {
        setStatus((s) => ({ ...s, [key]: { state: 'error', message: t('captura.matrix.invalid') } }))
        return
      }
      const unchanged = saved === '' ? parsed.value === ZERO : parsed.plain === saved
      if (unchanged && inFlight.current.get(key) === undefined) {
        // Back to the saved value: nothing to send, nothing to report.
        setDrafts((d) => without(d, key))
        setStatus((s) => without(s, key))
        return
      }
      if (inFlight.current.get(key) === parsed.plain) return
      const seq = (sequence.current.get(key) ?? 0) + 1
      sequence.current.set(key, seq)
      inFlight.current.set(key, parsed.plain)
      setStatus((s) => ({ ...s, [key]: { state: 'saving' } }))
      try {
        const result = await save(employeeId, productId, parsed.value)
        if (sequence.current.get(key) !== seq) return
        inFlight.current.delete(key)
        setModel((m) => applySaved(m, employeeId, productId, parsed.value, result?.correctionReason ?? null))
        // The cell shows the saved value unless the user has typed something else meanwhile.
        setDrafts((d) => (d[key] === undefined || sameHours(d[key], parsed.value) ? without(d, key) : d))
        setStatus((s) => ({ ...s, [key]: { state: 'saved' } }))
        setAnnouncement(`${t('captura.matrix.saved')}: ${employeeName(employeeId)} · ${productName(productId)} = ${formatHours(parsed.value)} h`)
      } catch (e: unknown) {
        if (sequence.current.get(key) !== seq) return
        inFlight.current.delete(key)
        const message = e instanceof Error && e.message ? e.message : String(e)
        // Keep what was typed: the draft stays, the cell says why it was not saved.
        setDrafts((d) => (d[key] === undefined ? { ...d, [key]: text } : d))
        setStatus((s) => ({ ...s, [key]: { state: 'error', message } }))
        setAnnouncement(`${t('captura.matrix.unsaved')}: ${employeeName(employeeId)} · ${productName(productId)} — ${message}`)
      }
    },
    [model, save, t, employeeName, productName],
  )

  const focusCell = (row: number, col: number): boolean => {
    const target = table.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`)
    if (!target) return false
    target.focus()
    target.select()
    return true
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, row: number, col: number, employeeId: string, productId: string) => {
    const input = e.currentTarget
    const atStart = input.selectionStart === 0 && (input.selectionEnd === 0 || input.selectionEnd === input.value.length)
    const atEnd = input.selectionEnd === input.value.length
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault()
        focusCell(row + 1, col)
        break
      case 'ArrowUp':
        e.preventDefault()
        focusCell(row - 1, col)
        break
      case 'ArrowLeft':
        if (atStart && focusCell(row, col - 1)) e.preventDefault()
        break
      case 'ArrowRight':
        if (atEnd && focusCell(row, col + 1)) e.preventDefault()
        break
      case 'Enter': {
        e.preventDefault()
        const text = input.value
        // Save now (the last row has no cell below to move to, so no blur would save it).
        if (drafts[cellKey(employeeId, productId)] !== undefined) void commit(employeeId, productId, text)
        focusCell(e.shiftKey ? row - 1 : row + 1, col)
        break
      }
      case 'Escape': {
        e.preventDefault()
        const key = cellKey(employeeId, productId)
        setDrafts((d) => without(d, key))
        setStatus((s) => (s[key]?.state === 'saving' ? s : without(s, key)))
        break
      }
    }
  }

  const addable = useMemo(
    () => otherProducts.filter((p) => !model.products.some((q) => q.id === p.id)),
    [otherProducts, model.products],
  )

  const grand = model.employees.reduce((sum, e) => sum + rowTotal(model, drafts, e).total, ZERO)

  if (model.employees.length === 0) {
    return (
      <p className="muted" data-testid="matrix-no-employees">
        {t('captura.matrix.noEmployees')}
      </p>
    )
  }

  return (
    <div className="captura-matrix">
      <p id="matrix-keys" className="muted captura-help">
        {t('captura.matrix.keyboard')} {t('captura.matrix.legendOver')}
      </p>
      {model.products.length === 0 && (
        <p className="muted" data-testid="matrix-no-products">
          {t('captura.matrix.noProducts')}
        </p>
      )}
      <div className="captura-matrix-scroll" role="region" aria-label={t('captura.matrix.caption')} tabIndex={-1}>
        <table className="grid captura-grid" ref={table} data-testid="allocation-matrix">
          <caption className="visually-hidden">{t('captura.matrix.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="captura-sticky">
                {t('captura.matrix.employee')}
              </th>
              <th scope="col" className="num">
                {t('captura.matrix.contracted')}
              </th>
              <th scope="col" className="num" title={t('captura.matrix.outsideHelp')}>
                {t('captura.matrix.outside')}
              </th>
              {model.products.map((p) => (
                <th scope="col" key={p.id} className="captura-product" data-testid={`col-${p.id}`}>
                  <span title={p.name}>{p.name}</span>
                </th>
              ))}
              <th scope="col" className="num">
                {t('captura.matrix.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {model.employees.map((employee, row) => {
              const totals = rowTotal(model, drafts, employee)
              return (
                <tr key={employee.id} className={totals.over ? 'captura-over' : undefined} data-testid={`row-${employee.id}`}>
                  <th scope="row" className="captura-sticky">
                    <span className="captura-employee">{employee.name}</span>
                    {employee.position && <span className="muted captura-position">{employee.position}</span>}
                  </th>
                  <td className="num" data-testid={`row-contracted-${employee.id}`}>
                    {formatHours(employee.contractedHours)}
                  </td>
                  <td className="num" data-testid={`row-outside-${employee.id}`}>
                    {formatHours(totals.outside)}
                  </td>
                  {model.products.map((product, col) => {
                    const key = cellKey(employee.id, product.id)
                    const draft = drafts[key]
                    const saved = ownText(model, employee.id, product.id)
                    const st = status[key]
                    const state: CellState = st?.state ?? (draft !== undefined ? 'dirty' : 'idle')
                    const elsewhere = heldElsewhere(model, employee.id, product.id)
                    const reason = model.own.get(key)?.correctionReason
                    const errorId = `cell-error-${employee.id}-${product.id}`
                    const label = t('captura.matrix.cellLabel', { employee: employee.name, product: product.name })
                    return (
                      <td key={product.id} className={`captura-cell captura-cell-${state}`}>
                        <input
                          type="text"
                          inputMode="decimal"
                          autoComplete="off"
                          data-testid={`cell-${employee.id}-${product.id}`}
                          data-state={state}
                          data-row={row}
                          data-col={col}
                          aria-label={label}
                          aria-invalid={state === 'error' ? true : undefined}
                          aria-describedby={st?.state === 'error' ? errorId : 'matrix-keys'}
                          readOnly={!editable}
                          value={draft ?? saved}
                          placeholder={elsewhere !== null ? formatHours(elsewhere) : undefined}
                          title={
                            reason
                              ? t('captura.correction.corrected', { reason })
                              : elsewhere !== null
                                ? t('captura.matrix.heldElsewhere', { hours: formatHours(elsewhere) })
                                : undefined
                          }
                          onFocus={(e) => {
                            e.currentTarget.select()
                            clickFocused.current = key
                          }}
                          onMouseUp={(e) => {
                            if (clickFocused.current === key) e.preventDefault()
                            clickFocused.current = null
                          }}
                          onChange={(e) => {
                            const text = e.currentTarget.value
                            setDrafts((d) => ({ ...d, [key]: text }))
                            // Typing again after a refusal or a save starts a new edit of the cell.
                            setStatus((s) => (s[key] && s[key].state !== 'saving' ? without(s, key) : s))
                          }}
                          onBlur={(e) => {
                            clickFocused.current = null
                            if (editable && drafts[key] !== undefined) void commit(employee.id, product.id, e.currentTarget.value)
                          }}
                          onKeyDown={(e) => onKeyDown(e, row, col, employee.id, product.id)}
                        />
                        {reason && (
                          <span className="captura-corrected" aria-hidden="true" title={t('captura.correction.corrected', { reason })}>
                            ✎
                          </span>
                        )}
                        {state === 'saving' && (
                          <span className="captura-cell-note muted" aria-hidden="true">
                            …
                          </span>
                        )}
                        {state === 'saved' && (
                          <span className="captura-cell-note captura-ok" aria-hidden="true" title={t('captura.matrix.saved')}>
                            ✓
                          </span>
                        )}
                        {st?.state === 'error' && (
                          <span id={errorId} data-testid={errorId} className="captura-cell-message" role="alert">
                            {st.message}
                          </span>
                        )}
                      </td>
                    )
                  })}
                  <td className="num captura-row-total">
                    <span data-testid={`row-total-${employee.id}`} data-over={totals.over ? 'true' : 'false'}>
                      {formatHours(totals.total)}
                    </span>
                    <span className={totals.over ? 'captura-flag' : 'muted captura-row-note'} data-testid={`row-status-${employee.id}`}>
                      {totals.over
                        ? t('captura.matrix.overBy', { hours: formatHours(totals.difference) })
                        : totals.difference === ZERO
                          ? t('captura.matrix.exact')
                          : t('captura.matrix.free', { hours: formatHours(-totals.difference) })}
                    </span>
                  </td>
                </tr>
              )
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="captura-sticky">
                {t('captura.matrix.columnTotal')}
              </th>
              <td className="num">{formatHours(model.employees.reduce((s, e) => s + e.contractedHours, ZERO))}</td>
              <td className="num">{formatHours(model.employees.reduce((s, e) => s + rowTotal(model, drafts, e).outside, ZERO))}</td>
              {model.products.map((p) => (
                <td key={p.id} className="num" data-testid={`col-total-${p.id}`}>
                  {formatHours(columnTotal(model, drafts, p.id))}
                </td>
              ))}
              <td className="num" data-testid="matrix-grand-total">
                {formatHours(grand)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="matrix-announcement">
        {announcement}
      </p>
      {editable && addable.length > 0 && (
        <div className="toolbar">
          <label htmlFor="captura-add-column">{t('captura.matrix.addColumn')}</label>
          <select
            id="captura-add-column"
            data-testid="captura-add-column"
            value={addChoice}
            onChange={(e) => setAddChoice(e.target.value)}
          >
            <option value="">{t('captura.matrix.addColumnChoose')}</option>
            {addable.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            data-testid="captura-add-column-submit"
            disabled={!addChoice}
            onClick={() => {
              const product = addable.find((p) => p.id === addChoice)
              if (product) setModel((m) => withProduct(m, product))
              setAddChoice('')
            }}
          >
            {t('captura.matrix.addColumnSubmit')}
          </button>
        </div>
      )}
    </div>
  )
})

const NONE: MatrixProduct[] = []

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  if (!(key in record)) return record as Record<string, T>
  const next = { ...record }
  delete next[key]
  return next
}

function sameHours(text: string, value: Hours): boolean {
  const parsed = parseHoursInput(text)
  return parsed.ok && parsed.value === value
}
