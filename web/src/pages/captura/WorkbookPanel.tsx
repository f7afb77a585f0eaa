import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, ApiError } from '../../api/client'

/** What an upload would change (dry run) or changed: the survey service's WorkbookImport.Outcome. */
interface Outcome {
  dryRun: boolean
  written: boolean
  cells: number
  unchanged: number
  changes: { employeeId: string; productId: string; before: number | string | null; after: number | string; cell: string }[]
  version: number
}

/**
 * The interview as a spreadsheet: download the center's template (employees × products, current hours) as XLSX or
 * CSV, fill it on the table with the manager, upload it back. The upload is checked whole first (a dry run lists
 * what would change, or every problem with its cell); nothing is recorded until the user confirms, and then as one
 * command of the survey service.
 */
export function WorkbookPanel({ interviewId, allowed, validated, onImported }: {
  interviewId: string
  allowed: boolean
  validated: boolean
  onImported: () => void
}) {
  const { t } = useTranslation()
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<Outcome | null>(null)
  const [problems, setProblems] = useState<string[]>([])
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<number | null>(null)
  const base = `/api/survey/interviews/${encodeURIComponent(interviewId)}/workbook`

  async function upload(chosen: File, dryRun: boolean) {
    setBusy(true)
    setProblems([])
    try {
      const outcome = await api.upload<Outcome>(base, chosen, { dryRun, reason: validated && !dryRun ? reason : undefined })
      if (dryRun) {
        setPreview(outcome)
      } else {
        setPreview(null)
        setFile(null)
        setDone(outcome.changes.length)
        onImported()
      }
    } catch (e) {
      const error = e as ApiError
      setPreview(null)
      setProblems(error.details && error.details.length > 0 ? error.details.map((d) => d.message) : [error.message])
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="captura-workbook" data-testid="captura-workbook" aria-labelledby="captura-workbook-title">
      <h3 id="captura-workbook-title">{t('captura.workbook.title')}</h3>
      <p>
        <a href={`${base}?format=xlsx`} download data-testid="workbook-download-xlsx">{t('captura.workbook.downloadXlsx')}</a>
        {' · '}
        <a href={`${base}?format=csv`} download data-testid="workbook-download-csv">{t('captura.workbook.downloadCsv')}</a>
      </p>
      {allowed && (
        <>
          <label>
            {t('captura.workbook.upload')}{' '}
            <input type="file" data-testid="workbook-file" accept=".xlsx,.csv,text/csv"
              onChange={(e) => {
                const chosen = e.target.files?.[0] ?? null
                setFile(chosen)
                setDone(null)
                if (chosen) void upload(chosen, true)
              }} />
          </label>
          {busy && <p role="status">{t('app.loading')}</p>}
          {problems.length > 0 && (
            <ul className="error" role="alert" data-testid="workbook-problems">
              {problems.map((p, i) => <li key={i}>{p}</li>)}
            </ul>
          )}
          {preview && file && (
            <div data-testid="workbook-preview">
              <p>{t('captura.workbook.changes', { count: preview.changes.length, unchanged: preview.unchanged })}</p>
              {preview.changes.length > 0 && (
                <table className="grid">
                  <thead>
                    <tr><th>{t('captura.workbook.cell')}</th><th>{t('captura.workbook.employee')}</th><th>{t('captura.workbook.product')}</th><th>{t('captura.workbook.before')}</th><th>{t('captura.workbook.after')}</th></tr>
                  </thead>
                  <tbody>
                    {preview.changes.map((c) => (
                      <tr key={`${c.employeeId}|${c.productId}`} data-testid="workbook-change">
                        <td>{c.cell}</td><td>{c.employeeId}</td><td>{c.productId}</td><td>{c.before ?? '—'}</td><td>{c.after}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {validated && (
                <label>
                  {t('captura.workbook.reason')}{' '}
                  <input data-testid="workbook-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
                </label>
              )}
              <button type="button" data-testid="workbook-confirm" disabled={busy || preview.changes.length === 0 || (validated && !reason.trim())}
                onClick={() => void upload(file, false)}>
                {t('captura.workbook.confirm')}
              </button>
            </div>
          )}
          {done !== null && <p role="status" data-testid="workbook-done">{t('captura.workbook.done', { count: done })}</p>}
        </>
      )}
    </section>
  )
}
