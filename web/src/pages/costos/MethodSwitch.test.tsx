import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router-dom'
import { SessionGate } from '../../api/session'
import { AsOfProvider } from '../../components/AsOfPicker'
import { MethodSwitch } from './MethodSwitch'
import '../../i18n'

function platform(roles: string[], refuse = false) {
  const sent: { method: string; path: string; body: unknown }[] = []
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost')
    const method = init?.method ?? 'GET'
    if (url.pathname === '/api/session') {
      return new Response(JSON.stringify({ name: 'Directora', subject: 'directora', institution: 'demo', roles }),
        { status: 200, headers: { 'Content-Type': 'application/json' } })
    }
    sent.push({ method, path: url.pathname, body: init?.body ? JSON.parse(String(init.body)) : undefined })
    if (refuse) {
      return new Response(JSON.stringify({ status: 403, code: 'auth.forbidden', message: 'No tiene permiso para esta acción.' }),
        { status: 403, headers: { 'Content-Type': 'application/json' } })
    }
    return new Response(null, { status: 204 })
  }))
  return sent
}

function show(asOf = '') {
  const reload = vi.fn()
  render(
    <MemoryRouter initialEntries={['/costos' + asOf]}>
      <SessionGate><AsOfProvider><MethodSwitch method="CLASSIC" reload={reload} /></AsOfProvider></SessionGate>
    </MemoryRouter>,
  )
  return reload
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('MethodSwitch', () => {
  it('lets the institution admin switch the method with one command, then reloads until the figures follow', async () => {
    const sent = platform(['institution-admin'])
    const reload = show()
    await userEvent.selectOptions(await screen.findByTestId('costs-method-select'), 'INDIVIDUAL')
    expect(sent).toEqual([{ method: 'PUT', path: '/api/survey/institution/costing-method', body: { costingMethod: 'INDIVIDUAL' } }])
    expect(screen.getByTestId('costs-method-recalculating')).toBeTruthy()
    await waitFor(() => expect(reload).toHaveBeenCalled(), { timeout: 2500 })
  })

  it('shows the API refusal next to the switch and keeps the current method', async () => {
    platform(['institution-admin'], true)
    show()
    await userEvent.selectOptions(await screen.findByTestId('costs-method-select'), 'INDIVIDUAL')
    expect((await screen.findByTestId('costs-method-error')).textContent).toContain('No tiene permiso')
    expect((screen.getByTestId('costs-method-select') as HTMLSelectElement).value).toBe('CLASSIC')
  })

  it('only shows the method to other roles and to an as-of view', async () => {
    platform(['analyst'])
    show()
    expect((await screen.findByTestId('costs-method')).getAttribute('data-method')).toBe('CLASSIC')
    expect(screen.queryByTestId('costs-method-select')).toBeNull()
    cleanup()
    platform(['institution-admin'])
    show('?asOf=2026-01-01T00:00:00.000Z')
    await screen.findByTestId('costs-method')
    expect(screen.queryByTestId('costs-method-select')).toBeNull()
  })
})
