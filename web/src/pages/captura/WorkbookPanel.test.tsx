import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { WorkbookPanel } from './WorkbookPanel'
import '../../i18n'
import './i18n'

function platform(answer: (dryRun: boolean) => Response) {
  const sent: { url: string; type: string | null }[] = []
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost')
    sent.push({ url: url.pathname + url.search, type: new Headers(init?.headers).get('Content-Type') })
    return answer(url.searchParams.get('dryRun') === 'true')
  }))
  return sent
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

describe('WorkbookPanel', () => {
  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
  })

  it('previews what the upload would change, records it only on confirmation, then reloads', async () => {
    const sent = platform((dryRun) => json({ dryRun, written: !dryRun, cells: 2, unchanged: 1, version: 4,
      changes: [{ employeeId: 'E1', productId: 'P1', before: 10, after: 16, cell: 'E6' }] }))
    const onImported = vi.fn()
    render(<WorkbookPanel interviewId="I1" allowed validated={false} onImported={onImported} />)
    expect(screen.getByTestId('workbook-download-xlsx').getAttribute('href')).toBe('/api/survey/interviews/I1/workbook?format=xlsx')
    await userEvent.upload(screen.getByTestId('workbook-file'), new File(['x'], 'entrevista.xlsx'))
    await waitFor(() => expect(screen.getAllByTestId('workbook-change')).toHaveLength(1))
    expect(sent[0].url).toBe('/api/survey/interviews/I1/workbook?dryRun=true')
    expect(sent[0].type).toBe('application/octet-stream')
    expect(onImported).not.toHaveBeenCalled()
    await userEvent.click(screen.getByTestId('workbook-confirm'))
    await waitFor(() => expect(screen.getByTestId('workbook-done')).toBeTruthy())
    expect(sent[1].url).toBe('/api/survey/interviews/I1/workbook?dryRun=false')
    expect(onImported).toHaveBeenCalledTimes(1)
  })

  it('lists every problem the service found and offers nothing to confirm', async () => {
    platform(() => json({ status: 422, code: 'workbook.invalid', message: 'La planilla tiene 2 problemas.',
      details: [{ status: 422, code: 'x', message: 'Hoja «Horas», fila 7, columna C: no es un número.' },
        { status: 422, code: 'y', message: 'Fila 9: funcionario E99 desconocido.' }] }, 422))
    render(<WorkbookPanel interviewId="I1" allowed validated={false} onImported={() => {}} />)
    await userEvent.upload(screen.getByTestId('workbook-file'), new File(['x'], 'entrevista.csv'))
    await waitFor(() => expect(screen.getByTestId('workbook-problems').querySelectorAll('li')).toHaveLength(2))
    expect(screen.queryByTestId('workbook-confirm')).toBeNull()
  })
})
