import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { DataGrid } from './DataGrid'
import type { GridColumn } from './gridModel'

interface Labour {
  id: string
  product: string
  employee: string
  hours: number
  cost: string
  unitCost: string | null
}

const rows: Labour[] = [
  { id: 'r1', product: 'Asistencia legal', employee: 'Ana Pérez', hours: 20, cost: '16374.27', unitCost: '163.74' },
  { id: 'r2', product: 'Asistencia legal', employee: 'Luis Gómez', hours: 10, cost: '16374.27', unitCost: '163.74' },
  { id: 'r3', product: 'Asistencia legal', employee: 'María Díaz', hours: 5, cost: '16374.27', unitCost: null },
  { id: 'r4', product: 'Capacitación', employee: 'Ana Pérez', hours: 12.5, cost: '0.005', unitCost: null },
  { id: 'r5', product: 'Capacitación', employee: 'Pedro Núñez', hours: 2, cost: '1000.10', unitCost: '10' },
]

const columns: GridColumn<Labour>[] = [
  { id: 'product', header: 'Producto', value: (r) => r.product },
  { id: 'employee', header: 'Funcionario', value: (r) => r.employee },
  { id: 'hours', header: 'Horas', value: (r) => r.hours, kind: 'number', sum: true },
  { id: 'cost', header: 'Costo', value: (r) => r.cost, kind: 'money', sum: true },
  { id: 'unitCost', header: 'Costo unitario', value: (r) => r.unitCost, kind: 'money', gap: () => 'sin volumen' },
]

function grid() {
  return render(<DataGrid id="t" caption="Costos" columns={columns} rows={rows} rowId={(r) => r.id} fileName="costos" />)
}

const column = (col: string) => Array.from(document.querySelectorAll(`tbody td[data-col="${col}"][data-row]`)).map((td) => td.textContent)
const total = (col: string) => screen.getByTestId(`t-total-${col}`).textContent

let downloads: Blob[] = []
beforeEach(() => {
  downloads = []
  URL.createObjectURL = vi.fn((blob: Blob) => {
    downloads.push(blob)
    return 'blob:test'
  }) as typeof URL.createObjectURL
  URL.revokeObjectURL = vi.fn()
})
afterEach(cleanup)

describe('DataGrid', () => {
  it('shows money as RD$ with exact sums and flags a missing unit cost, never Infinity', () => {
    grid()
    expect(total('cost')).toBe('RD$ 50,122.92')
    expect(total('hours')).toBe('49.50')
    const unit = column('unitCost')
    expect(unit).toContain('sin volumen')
    expect(document.body.textContent).not.toMatch(/Infinity|NaN/)
    expect(document.querySelector('td[data-row="r1"][data-col="cost"]')!.getAttribute('data-value')).toBe('16374.27')
  })

  it('sorts by a column, numerically for numbers, and back', () => {
    grid()
    fireEvent.click(screen.getByTestId('t-sort-hours'))
    expect(column('hours')).toEqual(['2.00', '5.00', '10.00', '12.50', '20.00'])
    fireEvent.click(screen.getByTestId('t-sort-hours'))
    expect(column('hours')).toEqual(['20.00', '12.50', '10.00', '5.00', '2.00'])
    expect(screen.getByTestId('t-sort-hours').closest('th')!.getAttribute('aria-sort')).toBe('descending')
  })

  it('filters per column (accents ignored, number comparisons) and the totals follow the filter', () => {
    grid()
    fireEvent.change(screen.getByTestId('t-filter-employee'), { target: { value: 'perez' } })
    expect(column('employee')).toEqual(['Ana Pérez', 'Ana Pérez'])
    expect(total('cost')).toBe('RD$ 16,374.28')
    expect(screen.getByTestId('t-row-count').getAttribute('data-count')).toBe('2')
    fireEvent.change(screen.getByTestId('t-filter-employee'), { target: { value: '' } })
    fireEvent.change(screen.getByTestId('t-filter-hours'), { target: { value: '>=10' } })
    expect(column('hours')).toEqual(['20.00', '10.00', '12.50'])
  })

  it('groups by any column with the count and the exact sums per group', () => {
    grid()
    fireEvent.change(screen.getByTestId('t-group-by'), { target: { value: 'product' } })
    const groups = screen.getAllByTestId('t-group')
    expect(groups.map((g) => g.getAttribute('data-group-value'))).toEqual(['Asistencia legal', 'Capacitación'])
    expect(groups.map((g) => g.getAttribute('data-count'))).toEqual(['3', '2'])
    expect(within(groups[0]).getByText('RD$ 49,122.81')).toBeTruthy()
    expect(groups[0].querySelector('td[data-col="hours"]')!.textContent).toBe('35.00')
    expect(groups[1].querySelector('td[data-col="cost"]')!.getAttribute('data-value')).toBe('1000.11')
    // regroup by employee: Ana Pérez has two rows across products
    fireEvent.change(screen.getByTestId('t-group-by'), { target: { value: 'employee' } })
    const ana = screen.getAllByTestId('t-group').find((g) => g.getAttribute('data-group-value') === 'Ana Pérez')!
    expect(ana.getAttribute('data-count')).toBe('2')
    expect(ana.querySelector('td[data-col="hours"]')!.textContent).toBe('32.50')
  })

  it('hides a column from the table and from the download', async () => {
    grid()
    fireEvent.click(screen.getByTestId('t-columns'))
    fireEvent.click(screen.getByTestId('t-col-toggle-employee'))
    expect(document.querySelector('td[data-col="employee"]')).toBeNull()
    expect(screen.queryByTestId('t-sort-employee')).toBeNull()
    fireEvent.click(screen.getByTestId('t-csv'))
    await vi.waitFor(() => expect(downloads).toHaveLength(1))
    const csv = await downloads[0].text()
    expect(csv.split('\r\n')[0]).toBe('\uFEFFProducto,Horas,Costo,Costo unitario')
  })

  it('downloads as CSV exactly what is shown: filter, grouping with counts and sums, hidden column, total', async () => {
    grid()
    fireEvent.change(screen.getByTestId('t-filter-hours'), { target: { value: '>4' } })
    fireEvent.change(screen.getByTestId('t-group-by'), { target: { value: 'product' } })
    fireEvent.click(screen.getByTestId('t-columns'))
    fireEvent.click(screen.getByTestId('t-col-toggle-unitCost'))
    fireEvent.click(screen.getByTestId('t-csv'))
    await vi.waitFor(() => expect(downloads).toHaveLength(1))
    const lines = (await downloads[0].text()).replace('\uFEFF', '').trim().split('\r\n')
    expect(lines).toEqual([
      'Filas,Producto,Funcionario,Horas,Costo',
      '3,Asistencia legal,,35.00,49122.81',
      ',Asistencia legal,Ana Pérez,20.00,16374.27',
      ',Asistencia legal,Luis Gómez,10.00,16374.27',
      ',Asistencia legal,María Díaz,5.00,16374.27',
      '1,Capacitación,,12.50,0.01',
      ',Capacitación,Ana Pérez,12.50,0.01',
      '4,Total,,47.50,49122.82',
    ])
  })

  it('writes the gap text, not a number, for a missing value in the download', async () => {
    grid()
    fireEvent.change(screen.getByTestId('t-filter-employee'), { target: { value: 'María' } })
    fireEvent.click(screen.getByTestId('t-csv'))
    await vi.waitFor(() => expect(downloads).toHaveLength(1))
    const lines = (await downloads[0].text()).trim().split('\r\n')
    expect(lines[1]).toBe('Asistencia legal,María Díaz,5.00,16374.27,sin volumen')
  })

  it('pages large tables and keeps the totals of every page', () => {
    const many = Array.from({ length: 2500 }, (_, i): Labour => ({
      id: 'm' + i, product: 'P' + (i % 637), employee: 'E' + i, hours: 1, cost: '0.01', unitCost: null,
    }))
    render(<DataGrid id="big" caption="Grande" columns={columns} rows={many} rowId={(r) => r.id} fileName="big" pageSize={100} />)
    expect(document.querySelectorAll('tbody tr[data-row]')).toHaveLength(100)
    expect(screen.getByTestId('big-total-cost').textContent).toBe('RD$ 25.00')
    fireEvent.click(screen.getByTestId('big-next'))
    expect(document.querySelector('tbody tr[data-row]')!.getAttribute('data-row')).toBe('m100')
  })

  it('keeps a Poder Judicial sized table (637 products, 4,459 allocation rows) to one page of DOM rows, grouped with exact sums', () => {
    // The Consejo del Poder Judicial's profile: 637 products; seven employees' allocations each.
    const pj = Array.from({ length: 637 * 7 }, (_, i): Labour => ({
      id: 'pj' + i, product: 'Producto ' + String(Math.floor(i / 7)).padStart(3, '0'), employee: 'E' + (i % 7),
      hours: 0.5 + (i % 3), cost: (1234.565 + i).toFixed(3), unitCost: null,
    }))
    const exact = pj.reduce((sum, r) => sum + Math.round(Number(r.cost) * 1000), 0) / 1000
    render(<DataGrid id="pj" caption="PJ" columns={columns} rows={pj} rowId={(r) => r.id} fileName="pj" pageSize={100}
      initialGrouping={['product']} />)
    expect(screen.getByTestId('pj-row-count').getAttribute('data-count')).toBe('4459')
    expect(document.querySelectorAll('tbody tr').length).toBeLessThanOrEqual(101)
    const first = screen.getAllByTestId('pj-group')[0]
    expect(first.getAttribute('data-group-value')).toBe('Producto 000')
    expect(first.getAttribute('data-count')).toBe('7')
    // 1234.565 + 1235.565 + ... + 1240.565 = 8662.955 → half-up once: 8662.96
    expect(within(first).getByText('RD$ 8,662.96')).toBeTruthy()
    expect(screen.getByTestId('pj-total-cost').getAttribute('data-value')).toBe(exact.toFixed(2))
  })

  it("offers the platform's own CSV/XLSX beside the grid's, fetched with the view's query and saved as the server names it", async () => {
    const fetchMock = vi.fn(async () => new Response(new Blob(['xlsx']), {
      status: 200, headers: { 'Content-Disposition': 'attachment; filename="costos-por-producto_i_2026-12-02.xlsx"' },
    }))
    vi.stubGlobal('fetch', fetchMock)
    try {
      render(<DataGrid id="t" caption="Costos" columns={columns} rows={rows} rowId={(r) => r.id} fileName="costos"
        serverExport={{ path: '/api/costing/products', query: { normalize: true }, fileName: 'costos-por-producto' }} />)
      expect(screen.getByTestId('t-server-csv')).toBeTruthy()
      fireEvent.click(screen.getByTestId('t-server-xlsx'))
      await vi.waitFor(() => expect(downloads).toHaveLength(1))
      expect((fetchMock.mock.calls[0] as unknown as [string])[0]).toBe('/api/costing/products?normalize=true&format=xlsx')
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
