import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { LineageProvider, WhyButton, costingFigure, lineagePath } from './LineageDrawer'
import '../i18n'

function event(id: string) {
  return { eventId: id, topic: 't', name: 'TimeAllocated', type: 'org.ppi.survey.TimeAllocated.v1', recordedAt: '2026-02-01T10:00:00Z',
    actingUser: 'ana', interviewId: null, aggregateId: null, causationId: null }
}

/** Answers each lineage path from a table of pages: what the services answer, a page at a time. */
function serve(pages: Record<string, unknown[]>) {
  const asked: string[] = []
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost')
    asked.push(url.pathname + url.search)
    const page = Number(url.searchParams.get('page') ?? '0')
    const body = url.pathname.endsWith('/recalculations')
      ? { items: [], page: 0, size: 200, totalItems: 0, totalPages: 0, sort: [] }
      : (pages[url.pathname] ?? [])[page] ?? { status: 404, code: 'x', message: 'unknown' }
    const response = new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
    Object.defineProperty(response, 'url', { value: url.toString() })
    return response
  }))
  return asked
}

const program = { service: 'budget' as const, kind: 'programs' as const, id: 'PR1', figureKind: 'PROGRAM', label: 'Programa 1' }
const p1 = { figureKind: 'PRODUCT', figureId: 'P1', costingEventId: 'cost-1', causationEventId: 'sv-hours',
  lineageRef: '/api/costing/products/P1/lineage' }

describe('LineageDrawer', () => {
  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
  })

  it('shows a lineage a page at a time and follows a budget figure to the costing figure it rests on', async () => {
    const asked = serve({
      '/api/budget/programs/PR1/lineage': [
        { figureKind: 'PROGRAM', figureId: 'PR1', asOf: null, events: [event('b1'), event('b2')], page: 0, size: 100,
          totalItems: 3, totalPages: 2, costingFigures: [p1], totalCostingFigures: 1 },
        { figureKind: 'PROGRAM', figureId: 'PR1', asOf: null, events: [event('b3')], page: 1, size: 100,
          totalItems: 3, totalPages: 2, costingFigures: [], totalCostingFigures: 1 },
      ],
      '/api/costing/products/P1/lineage': [
        { figureKind: 'PRODUCT', figureId: 'P1', asOf: null, events: [event('sv-hours')], page: 0, size: 100,
          totalItems: 1, totalPages: 1 },
      ],
    })
    render(<LineageProvider><WhyButton figure={program}>1</WhyButton></LineageProvider>)
    await act(async () => {
      fireEvent.click(screen.getByTestId('why'))
    })
    const ids = () => screen.queryAllByTestId('lineage-event').map((e) => e.getAttribute('data-event'))
    expect(ids()).toEqual(['b1', 'b2'])
    expect(screen.getByTestId('lineage-count').textContent).toBe('2 de 3 eventos.')

    await act(async () => {
      fireEvent.click(screen.getByTestId('lineage-more'))
    })
    expect(ids()).toEqual(['b1', 'b2', 'b3'])
    expect(screen.queryByTestId('lineage-more')).toBeNull()
    const pagesAsked = asked.filter((a) => a.startsWith('/api/budget/programs/PR1/lineage'))
      .map((a) => new URLSearchParams(a.split('?')[1]).get('page'))
    expect(pagesAsked, 'each page asked for once, the first not again').toEqual(['0', '1'])

    const reference = screen.getByTestId('lineage-costing-figure')
    expect(reference.getAttribute('data-figure-id')).toBe('P1')
    expect(reference.getAttribute('data-cause')).toBe('sv-hours')
    await act(async () => {
      fireEvent.click(screen.getByTestId('lineage-follow'))
    })
    expect(screen.getByTestId('lineage-drawer').getAttribute('data-figure-id')).toBe('P1')
    expect(ids()).toEqual(['sv-hours'])
    expect(screen.queryByTestId('lineage-more')).toBeNull()
  })

  it('reads a reference path as it was given, the fiscal year of a budget path as a query', () => {
    expect(lineagePath(costingFigure(p1))).toBe('/api/costing/products/P1/lineage')
    expect(lineagePath(costingFigure({ ...p1, figureKind: 'INSTITUTION', figureId: 'i', lineageRef: '/api/costing/institution/lineage' })))
      .toBe('/api/costing/institution/lineage')
    expect(lineagePath({ ...program, path: '/api/budget/programs/PR1/lineage?fiscalYear=2026' })).toBe('/api/budget/programs/PR1/lineage')
    expect(lineagePath({ service: 'costing', kind: 'institution', id: 'i', figureKind: 'INSTITUTION', label: 'i' }))
      .toBe('/api/costing/institution/lineage')
  })
})
