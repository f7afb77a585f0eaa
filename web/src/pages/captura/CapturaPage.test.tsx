import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router-dom'
import { SessionGate } from '../../api/session'
import { AsOfProvider } from '../../components/AsOfPicker'
import CapturaPage from './CapturaPage'

/**
 * The page against a stand-in of the platform's HTTP answers (shapes copied from the survey and catalog controllers'
 * records): which request each action sends, and what the page shows of the answer.
 */
interface Sent {
  method: string
  path: string
  body: unknown
}

const page = <T,>(items: T[]) => ({ items, page: 0, size: 1000, totalItems: items.length, totalPages: 1, sort: [] })

function platform(roles: string[], status: 'OPEN' | 'VALIDATED' = 'OPEN') {
  const sent: Sent[] = []
  const state = { status, refuse: null as null | { status: number; code: string; field: string; message: string } }
  const interview = () => ({
    id: 'I1',
    centerId: 'C1',
    centerName: 'Dirección de Atención',
    date: '2026-02-02',
    interviewer: 'Héctor',
    participants: ['Ana Pérez'],
    status: state.status,
    validatedOn: state.status === 'VALIDATED' ? '2026-02-10' : null,
    allocatedHours: 30,
    allocations: [
      { employeeId: 'E1', employeeName: 'Ana Pérez', productId: 'P1', productName: 'Informe anual', hours: 30, correctionReason: null, updatedBy: 'encuestador', updatedAt: '2026-02-02T10:00:00Z' },
    ],
    lastEventId: 'ev1',
    updatedBy: 'encuestador',
    updatedAt: '2026-02-02T10:00:00Z',
  })
  const answers: Record<string, () => unknown> = {
    'GET /api/session': () => ({ name: 'Usuaria', subject: 'u', institution: 'demo-defensoria', roles }),
    'GET /api/survey/centers': () => page([{ id: 'C1', name: 'Dirección de Atención', closed: false, employees: 1 }]),
    'GET /api/survey/interviews': () => page([{ ...interview(), allocations: 1 }]),
    'GET /api/survey/interviews/I1': interview,
    'GET /api/survey/employees': () =>
      page([{ id: 'E1', centerId: 'C1', name: 'Ana Pérez', position: 'Analista', contractedHours: 40, allocatedHours: 30, active: true }]),
    'GET /api/catalog/products': () =>
      page([{ id: 'P1', centerId: 'C1', centerName: 'Dirección de Atención', name: 'Informe anual', type: 'TERMINAL', core: true, volume: 1, volumeUnit: 'informe', users: ['CITIZENS'], frequency: 'YEARLY', processSteps: [], status: 'ACTIVE' }]),
    'GET /api/survey/allocations': () => page([{ employeeId: 'E1', productId: 'P1', productName: 'Informe anual', interviewId: 'I1', hours: 30 }]),
  }
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost')
    const method = init?.method ?? 'GET'
    const key = `${method} ${url.pathname}`
    if (method !== 'GET') {
      sent.push({ method, path: url.pathname, body: init?.body ? JSON.parse(String(init.body)) : undefined })
      if (state.refuse) return json(state.refuse.status, state.refuse)
      if (key === 'POST /api/survey/interviews/I1/validation') state.status = 'VALIDATED'
      return new Response(null, { status: 200 })
    }
    const answer = answers[key]
    return answer ? json(200, answer()) : json(404, { code: 'not-found', message: key })
  })
  vi.stubGlobal('fetch', fetch)
  return { sent, state }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function open(url = '/captura?center=C1&interview=I1') {
  render(
    <MemoryRouter initialEntries={[url]}>
      <SessionGate>
        <AsOfProvider>
          <CapturaPage />
        </AsOfProvider>
      </SessionGate>
    </MemoryRouter>,
  )
}

const cell = () => screen.getByTestId('cell-E1-P1') as HTMLInputElement

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=t0k3n'
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('Captura', { timeout: 20_000 }, () => {
  it('records the hours of a cell of an open interview with one PUT', async () => {
    const { sent } = platform(['surveyor'])
    const user = userEvent.setup()
    open()
    await screen.findByTestId('cell-E1-P1')
    expect(screen.getByTestId('captura-interview-status').dataset.status).toBe('OPEN')
    expect(screen.queryByTestId('captura-readonly')).toBeNull()
    expect((screen.getByTestId('captura-validate') as HTMLButtonElement).disabled).toBe(true)

    await user.click(cell())
    await user.keyboard('32.5{Enter}')
    await waitFor(() => expect(cell().dataset.state).toBe('saved'))
    expect(sent).toEqual([
      { method: 'PUT', path: '/api/survey/interviews/I1/allocations', body: { employeeId: 'E1', productId: 'P1', hours: 32.5 } },
    ])
    expect(screen.getByTestId('row-total-E1').textContent).toBe('32.5')
  })

  it("shows the API's refusal beside the cell and keeps the typed hours", async () => {
    const { sent, state } = platform(['institution-admin'])
    const message = 'Las horas asignadas a un producto (50) superan las horas contratadas del funcionario (40).'
    state.refuse = { status: 422, code: 'allocation.hours-above-contract', field: 'hours', message }
    const user = userEvent.setup()
    open()
    await screen.findByTestId('cell-E1-P1')
    await user.click(cell())
    await user.keyboard('50')
    await user.tab()
    await waitFor(() => expect(cell().dataset.state).toBe('error'))
    expect(sent).toHaveLength(1)
    expect(cell().value).toBe('50')
    expect(screen.getByTestId('cell-error-E1-P1').textContent).toBe(message)
    expect(screen.getByTestId('row-total-E1').dataset.over).toBe('true')
  })

  it('validates, then corrects a validated allocation only with a reason', async () => {
    const { sent } = platform(['institution-admin'])
    const user = userEvent.setup()
    open()
    await screen.findByTestId('cell-E1-P1')
    await user.click(screen.getByTestId('captura-validate'))
    await waitFor(() => expect(screen.getByTestId('captura-interview-status').dataset.status).toBe('VALIDATED'))
    expect(sent[0].path).toBe('/api/survey/interviews/I1/validation')

    // without a reason: nothing is sent, the cell keeps the value and says why
    await user.click(cell())
    await user.keyboard('28')
    await user.tab()
    await waitFor(() => expect(cell().dataset.state).toBe('error'))
    expect(sent).toHaveLength(1)
    expect(cell().value).toBe('28')
    expect(screen.getByTestId('cell-error-E1-P1').textContent).toBe('Escriba el motivo de la corrección antes de cambiar horas.')

    await user.type(screen.getByTestId('correction-reason'), 'Error de transcripción')
    await user.click(cell())
    await user.keyboard('{Enter}')
    await waitFor(() => expect(cell().dataset.state).toBe('saved'))
    expect(sent[1]).toEqual({
      method: 'POST',
      path: '/api/survey/interviews/I1/corrections',
      body: { employeeId: 'E1', productId: 'P1', hours: 28, reason: 'Error de transcripción' },
    })
  })

  it('is read-only, and says so, for a role that may not write', async () => {
    platform(['authority'])
    open()
    await screen.findByTestId('cell-E1-P1')
    expect(screen.getByTestId('captura-readonly').textContent).toContain('authority')
    expect(cell().readOnly).toBe(true)
    expect(screen.queryByTestId('captura-open-interview')).toBeNull()
    expect((screen.getByTestId('product-register') as HTMLButtonElement).disabled).toBe(true)
  })

  it('registers a product of the center with one POST and shows a refusal beside its field', async () => {
    const { sent, state } = platform(['surveyor'])
    const user = userEvent.setup()
    open('/captura?center=C1')
    await screen.findByTestId('product-register')
    state.refuse = { status: 400, code: 'product.name-required', field: 'name', message: 'El producto necesita un nombre.' }
    await user.type(screen.getByTestId('product-volume'), '12')
    await user.click(screen.getByTestId('product-register'))
    expect(await screen.findByTestId('product-error-name')).toHaveProperty('textContent', 'El producto necesita un nombre.')
    expect((screen.getByTestId('product-volume') as HTMLInputElement).value).toBe('12')
    expect(sent[0]).toMatchObject({ method: 'POST', path: '/api/catalog/products', body: { centerId: 'C1', name: '', volume: 12, type: 'TERMINAL' } })
  })
})
