import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client'
import { downloadExport, type ExportFormat, type ServerExportTarget } from '../api/exports'
import { useAsOf } from './AsOfPicker'

/**
 * "Descargar CSV / XLSX (servidor)": the platform's own table of the view (api/exports.ts), with the page's filters
 * and as-of instant, fetched with the session and saved under the server's file name; a refusal is shown beside.
 */
export function ServerExport({ id, target }: { id: string; target: ServerExportTarget }) {
  const { t } = useTranslation()
  const { asOf } = useAsOf()
  const [busy, setBusy] = useState<ExportFormat | null>(null)
  const [error, setError] = useState<string | null>(null)
  const run = async (format: ExportFormat) => {
    setBusy(format)
    setError(null)
    try {
      await downloadExport(target, format, asOf)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e))
    } finally {
      setBusy(null)
    }
  }
  return (
    <span className="server-export">
      <button type="button" data-testid={`${id}-server-csv`} title={t('grid.serverTitle')} disabled={busy !== null}
        onClick={() => void run('csv')}>
        {t('grid.serverCsv')}
      </button>
      <button type="button" data-testid={`${id}-server-xlsx`} title={t('grid.serverTitle')} disabled={busy !== null}
        onClick={() => void run('xlsx')}>
        {t('grid.serverXlsx')}
      </button>
      {error && <span role="alert" className="error" data-testid={`${id}-server-error`}>{error}</span>}
    </span>
  )
}
