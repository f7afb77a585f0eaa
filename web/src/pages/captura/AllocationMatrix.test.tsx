import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18n from 'i18next'
import { ApiError } from '../../api/client'
import { AllocationMatrix } from './AllocationMatrix'
import { cellKey, hours, type Hours, type MatrixModel } from './matrix'

const h = (text: string) => hours(text)

/** Ana (40 h) has 20 h on P1 in this interview and 8 h on P2 from another one; Beto (20 h) 10 h on P2. */
function model(): MatrixModel {
  return {
    interviewId: 'I1',
    employees: [
      { id: 'E1', name: 'Ana Pérez', position: 'Analista', contractedHours: h('40') },
      { id: 'E2', name: 'Beto Díaz', contractedHours: h('20') },
    ],
    products: [
      { id: 'P1', name: 'Informe anual' },
      { id: 'P2', name: 'Atención al ciudadano' },
    ],
    own: new Map([
      [cellKey('E1', 'P1'), { hours: h('20') }],
      [cellKey('E2', 'P2'), { hours: h('10') }],
    ]),
    current: new Map([
      [cellKey('E1', 'P1'), { hours: h('20'), interviewId: 'I1' }],
      [cellKey('E1', 'P2'), { hours: h('8'), interviewId: 'I0' }],
      [cellKey('E2', 'P2'), { hours: h('10'), interviewId: 'I1' }],
    ]),
    allocated: new Map([
      ['E1', h('28')],
      ['E2', h('10')],
    ]),
  }
}

type Save = (e: string, p: string, hours: Hours) => Promise<void>

function setup(save: Save = async () => {}, editable = true) {
  const spy = vi.fn(save)
  const user = userEvent.setup()
  render(<AllocationMatrix model={model()} editable={editable} save={spy} />)
  const cell = (e: string, p: string) => screen.getByTestId(`cell-${e}-${p}`) as HTMLInputElement
  return { user, save: spy, cell }
}

afterEach(() => {
  cleanup()
  void i18n.changeLanguage('es')
})

describe('the allocation matrix', () => {
  it('shows each row against the contracted hours, and the over-allocation while typing, before any save', async () => {
    const { user, save, cell } = setup()
    expect(screen.getByTestId('row-total-E1').textContent).toBe('28')
    expect(screen.getByTestId('row-total-E1').dataset.over).toBe('false')
    expect(screen.getByTestId('row-status-E1').textContent).toBe('12 h libres')
    expect(cell('E1', 'P1').value).toBe('20')
    // the value another interview holds is a hint, not this interview's value
    expect(cell('E1', 'P2').value).toBe('')
    expect(cell('E1', 'P2').placeholder).toBe('8')

    await user.click(cell('E1', 'P1'))
    await user.keyboard('35')
    // 35 + 8 = 43 > 40, shown at once
    expect(cell('E1', 'P1').value).toBe('35')
    expect(cell('E1', 'P1').dataset.state).toBe('dirty')
    expect(screen.getByTestId('row-total-E1').textContent).toBe('43')
    expect(screen.getByTestId('row-total-E1').dataset.over).toBe('true')
    expect(screen.getByTestId('row-status-E1').textContent).toBe('Sobreasignado en 3 h')
    expect(screen.getByTestId('row-E1').className).toContain('captura-over')
    expect(screen.getByTestId('col-total-P1').textContent).toBe('35')
    expect(screen.getByTestId('matrix-grand-total').textContent).toBe('53')
    expect(save).not.toHaveBeenCalled()

    await user.keyboard('{Backspace}{Backspace}32')
    expect(screen.getByTestId('row-total-E1').textContent).toBe('40')
    expect(screen.getByTestId('row-total-E1').dataset.over).toBe('false')
    expect(screen.getByTestId('row-status-E1').textContent).toBe('Completo')
  })

  it('saves a cell on blur with one command, and says so in the cell', async () => {
    let resolve!: () => void
    const { user, save, cell } = setup(() => new Promise<void>((r) => (resolve = r)))
    await user.click(cell('E2', 'P2'))
    await user.keyboard('12.5')
    await user.click(document.body)
    expect(save).toHaveBeenCalledTimes(1)
    expect(save.mock.calls[0][0]).toBe('E2')
    expect(save.mock.calls[0][1]).toBe('P2')
    expect(save.mock.calls[0][2]).toBe(h('12.5'))
    expect(cell('E2', 'P2').dataset.state).toBe('saving')
    await act(async () => resolve())
    await waitFor(() => expect(cell('E2', 'P2').dataset.state).toBe('saved'))
    expect(cell('E2', 'P2').value).toBe('12.5')
    expect(screen.getByTestId('row-total-E2').textContent).toBe('12.5')
    expect(screen.getByTestId('matrix-announcement').textContent).toContain('Guardado')
    // leaving it again without a change sends nothing
    await user.click(cell('E2', 'P2'))
    await user.click(document.body)
    expect(save).toHaveBeenCalledTimes(1)
  })

  it('keeps the typed value when the API refuses it, with the API message next to the cell', async () => {
    const message = 'Las horas asignadas a un producto (45) superan las horas contratadas del funcionario (40).'
    const { user, save, cell } = setup(async () => {
      throw new ApiError({ status: 422, code: 'allocation.hours-above-contract', field: 'hours', message })
    })
    await user.click(cell('E1', 'P1'))
    await user.keyboard('45{Enter}')
    expect(save).toHaveBeenCalledTimes(1)
    await waitFor(() => expect(cell('E1', 'P1').dataset.state).toBe('error'))
    expect(cell('E1', 'P1').value).toBe('45')
    expect(screen.getByTestId('cell-error-E1-P1').textContent).toBe(message)
    expect(cell('E1', 'P1').getAttribute('aria-invalid')).toBe('true')
    expect(cell('E1', 'P1').getAttribute('aria-describedby')).toBe('cell-error-E1-P1')
    // the typed value still counts in the row, so the over-allocation stays visible
    expect(screen.getByTestId('row-total-E1').textContent).toBe('53')
    // the other cells are untouched
    expect(cell('E2', 'P2').value).toBe('10')

    // Escape gives the saved value back
    await user.click(cell('E1', 'P1'))
    await user.keyboard('{Escape}')
    expect(cell('E1', 'P1').value).toBe('20')
    expect(cell('E1', 'P1').dataset.state).toBe('idle')
    expect(screen.queryByTestId('cell-error-E1-P1')).toBeNull()
    expect(screen.getByTestId('row-total-E1').textContent).toBe('28')
  })

  it('says what is wrong with text that is not a number, without sending it', async () => {
    const { user, save, cell } = setup()
    await user.click(cell('E1', 'P2'))
    await user.keyboard('siete')
    await user.tab()
    expect(save).not.toHaveBeenCalled()
    expect(cell('E1', 'P2').value).toBe('siete')
    expect(cell('E1', 'P2').dataset.state).toBe('error')
    expect(screen.getByTestId('cell-error-E1-P2').textContent).toBe('Escriba un número de horas (por ejemplo 7.5).')
  })

  it('moves between cells with the arrow keys, Enter and Tab', async () => {
    const { user, save, cell } = setup()
    await user.click(cell('E1', 'P1'))
    expect(document.activeElement).toBe(cell('E1', 'P1'))
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(cell('E2', 'P1'))
    await user.keyboard('{ArrowRight}')
    expect(document.activeElement).toBe(cell('E2', 'P2'))
    await user.keyboard('{ArrowUp}')
    expect(document.activeElement).toBe(cell('E1', 'P2'))
    await user.keyboard('{ArrowLeft}')
    expect(document.activeElement).toBe(cell('E1', 'P1'))
    // no cell above the first row: focus stays
    await user.keyboard('{ArrowUp}')
    expect(document.activeElement).toBe(cell('E1', 'P1'))

    // Enter saves and goes down
    await user.keyboard('21{Enter}')
    expect(document.activeElement).toBe(cell('E2', 'P1'))
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1))
    expect(save.mock.calls[0].slice(0, 3)).toEqual(['E1', 'P1', h('21')])

    // Tab saves and goes to the next cell of the row
    await user.keyboard('3')
    await user.tab()
    expect(document.activeElement).toBe(cell('E2', 'P2'))
    await waitFor(() => expect(save).toHaveBeenCalledTimes(2))
    expect(save.mock.calls[1].slice(0, 3)).toEqual(['E2', 'P1', h('3')])

    // Enter on the last row saves without a cell to move to
    await user.keyboard('11{Enter}')
    await waitFor(() => expect(save).toHaveBeenCalledTimes(3))
    expect(save.mock.calls[2].slice(0, 3)).toEqual(['E2', 'P2', h('11')])
    expect(document.activeElement).toBe(cell('E2', 'P2'))
  })

  it('labels every cell with its employee and product', () => {
    setup()
    expect(screen.getByLabelText('Horas semanales de Beto Díaz en Informe anual')).toBe(screen.getByTestId('cell-E2-P1'))
  })

  it('is read-only for roles that may not record hours', async () => {
    const { user, save, cell } = setup(async () => {}, false)
    expect(cell('E1', 'P1').readOnly).toBe(true)
    await user.click(cell('E1', 'P1'))
    await user.keyboard('9')
    await user.tab()
    expect(cell('E1', 'P1').value).toBe('20')
    expect(save).not.toHaveBeenCalled()
  })

  it('speaks English when switched', async () => {
    await act(async () => {
      await i18n.changeLanguage('en')
    })
    setup()
    expect(screen.getByTestId('row-status-E1').textContent).toBe('12 h free')
    expect(screen.getByLabelText('Weekly hours of Ana Pérez on Atención al ciudadano')).toBeTruthy()
  })
})
