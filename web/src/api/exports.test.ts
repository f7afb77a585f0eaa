import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, fileNameOf, setRequestContext } from './client'
import { downloadExport, exportUrl } from './exports'

describe('server export links', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    setRequestContext({ language: 'es' })
  })

  it("uses the view's own address with its filters, the as-of instant and the format", () => {
    const target = { path: '/api/costing/products', query: { normalize: true, fiscalYear: 2027, basis: undefined }, fileName: 'x' }
    expect(exportUrl(target, 'xlsx', '2026-03-03T00:00:00Z')).toBe(
      '/api/costing/products?normalize=true&fiscalYear=2027&asOf=2026-03-03T00%3A00%3A00Z&format=xlsx')
    expect(exportUrl({ path: '/api/catalog/products', fileName: 'p' }, 'csv', null)).toBe('/api/catalog/products?format=csv')
    expect(exportUrl({ path: '/api/budget/structure', query: { asOf: 'A', fiscalYear: null }, fileName: 's' }, 'csv', 'B'))
      .toBe('/api/budget/structure?asOf=A&format=csv')
  })

  it('reads the file name the server gives', () => {
    expect(fileNameOf('attachment; filename="costos_demo-defensoria_2026-12-02.xlsx"')).toBe('costos_demo-defensoria_2026-12-02.xlsx')
    expect(fileNameOf("attachment; filename=\"a.csv\"; filename*=UTF-8''funci%C3%B3n.csv")).toBe('función.csv')
    expect(fileNameOf('attachment; filename=plain.csv')).toBe('plain.csv')
    expect(fileNameOf(null)).toBeNull()
  })

  it("fetches with the session and the page's language, and saves under the server's name", async () => {
    setRequestContext({ language: 'en' })
    const fetchMock = vi.fn(async () => new Response(new Blob(['x']), {
      status: 200,
      headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="costos-por-centro_i_2026-12-02.csv"' },
    }))
    vi.stubGlobal('fetch', fetchMock)
    const save = vi.fn()
    await downloadExport({ path: '/api/costing/centers', query: { basis: 'validated' }, fileName: 'costos-por-centro' }, 'csv', null, save)
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/costing/centers?basis=validated&format=csv')
    expect((init.headers as Record<string, string>)['Accept-Language']).toBe('en')
    expect(init.credentials).toBe('same-origin')
    expect(save).toHaveBeenCalledWith(expect.any(Blob), 'costos-por-centro_i_2026-12-02.csv')
  })

  it('throws the platform refusal, in its language, and saves nothing', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(
      JSON.stringify({ status: 400, code: 'export.format-unknown', message: 'There is no format «pdf»' }),
      { status: 400, headers: { 'Content-Type': 'application/json' } })))
    const save = vi.fn()
    await expect(downloadExport({ path: '/api/costing/centers', fileName: 'c' }, 'xlsx', null, save))
      .rejects.toSatisfy((e: unknown) => e instanceof ApiError && e.code === 'export.format-unknown')
    expect(save).not.toHaveBeenCalled()
  })
})
