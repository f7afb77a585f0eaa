import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api } from '../../api/client'
import { useSession } from '../../api/session'
import { useAsOf } from '../../components/AsOfPicker'

const METHODS = ['CLASSIC', 'INDIVIDUAL'] as const

/**
 * The costing method is the institution's setting (one command, `PUT /api/survey/institution/costing-method`): its
 * administrator switches it here; everybody else, and any as-of view, sees it. The figures are recomputed by the
 * projection a moment later, so the page reloads until they carry the chosen method.
 */
export function MethodSwitch({ method, reload }: { method: string; reload: () => void }) {
  const { t } = useTranslation()
  const session = useSession()
  const { asOf } = useAsOf()
  const [wanted, setWanted] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const mayChange = !asOf && (session?.roles ?? []).includes('institution-admin')

  useEffect(() => {
    if (wanted === null) return
    if (wanted === method) {
      setWanted(null)
      return
    }
    const timer = window.setTimeout(reload, 1000)
    return () => window.clearTimeout(timer)
  }, [wanted, method, reload])

  const label = (m: string) => t(`costs.methods.${m}`, { defaultValue: m })
  if (!mayChange) {
    return (
      <span data-testid="costs-method" data-method={method}>
        {t('costs.method')}: <strong>{label(method)}</strong> <span className="muted">({t('costs.methodNote')})</span>
      </span>
    )
  }
  return (
    <span data-testid="costs-method" data-method={method}>
      <label htmlFor="costs-method-select">{t('costs.method')}: </label>
      <select id="costs-method-select" data-testid="costs-method-select" value={wanted ?? method} disabled={wanted !== null}
        aria-describedby={error ? 'costs-method-error' : undefined}
        onChange={(e) => {
          const next = e.target.value
          setError(null)
          setWanted(next)
          api.put('/api/survey/institution/costing-method', { costingMethod: next }).catch((err: unknown) => {
            setWanted(null)
            setError(err instanceof ApiError ? err.message : String(err))
          })
        }}>
        {METHODS.map((m) => <option key={m} value={m}>{label(m)}</option>)}
      </select>
      {wanted !== null && <span role="status" className="muted" data-testid="costs-method-recalculating"> {t('costs.recalculating')}</span>}
      {error && <span id="costs-method-error" role="alert" className="error" data-testid="costs-method-error"> {error}</span>}
    </span>
  )
}
