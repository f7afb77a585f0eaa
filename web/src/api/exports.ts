import { api, apiUrl, type Query } from './client'
import { download } from '../components/gridExport'

/**
 * Server exports: every view the platform computes downloads from its own address with `?format=csv|xlsx`, the
 * page's filters and as-of instant, headers in the page's language (README "Exports"). Unlike the grid's own
 * CSV/XLSX (exactly what the table shows), these are the platform's whole table, amounts exact to the cent.
 */
export type ExportFormat = 'csv' | 'xlsx'

export interface ServerExportTarget {
  /** The JSON view's address, e.g. `/api/costing/products`. */
  path: string
  /** The page's filters (null/undefined/'' are left out); the page's as-of instant is added by the caller. */
  query?: Query
  /** The file name when the server names none (it always does): without extension. */
  fileName: string
}

function exportQuery(target: ServerExportTarget, format: ExportFormat, asOf: string | null): Query {
  const query: Query = { ...(target.query ?? {}) }
  if (asOf && !('asOf' in query)) query.asOf = asOf
  return { ...query, format }
}

/** The download's address: the view's own path, its query, the as-of instant when one is set, and the format. */
export function exportUrl(target: ServerExportTarget, format: ExportFormat, asOf: string | null): string {
  return apiUrl(target.path, exportQuery(target, format, asOf), false)
}

/** Fetches the export with the session and the page's language, then saves it under the server's file name. */
export async function downloadExport(target: ServerExportTarget, format: ExportFormat, asOf: string | null,
                                     save: (blob: Blob, fileName: string) => void = download): Promise<void> {
  const file = await api.file(target.path, exportQuery(target, format, asOf))
  save(file.blob, file.fileName ?? `${target.fileName}.${format}`)
}
