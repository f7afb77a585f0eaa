import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import { api } from '../api/client'
import { StaleNotice } from './StaleNotice'
import '../i18n'

function answer(headers: Record<string, string>) {
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
    const response = new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'Content-Type': 'application/json', ...headers } })
    Object.defineProperty(response, 'url', { value: new URL(String(input), 'http://localhost').toString() })
    return response
  }))
}

describe('StaleNotice', () => {
  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
  })

  it('appears while the cost answers say the institution has parked events, and goes when they stop saying it', async () => {
    render(<StaleNotice />)
    expect(screen.queryByTestId('stale-notice')).toBeNull()
    answer({ 'PPI-Stale': 'true', 'PPI-Parked': '2' })
    await act(async () => {
      await api.get('/api/costing/institution')
    })
    expect(screen.getByTestId('stale-notice').textContent).toContain('2 evento(s)')
    answer({})
    await act(async () => {
      await api.get('/api/costing/institution')
    })
    expect(screen.queryByTestId('stale-notice')).toBeNull()
  })
})
