import { useTranslation } from 'react-i18next'
import { exportValue } from './gridModel'
import { formatDecimal, formatInteger, formatMoney } from '../format/money'
import { WhyButton, type FigureRef } from './LineageDrawer'

/**
 * A figure on a page: formatted for people, with its exact value in `data-value` (rounded as shown) for the browser
 * tests, a flagged gap instead of a number when it is missing, and optionally the way to its lineage.
 */
export function Figure({
  value,
  kind = 'money',
  testId,
  gap,
  why,
}: {
  value: unknown
  kind?: 'money' | 'integer' | 'number'
  testId: string
  gap?: string
  why?: FigureRef
}) {
  const { t } = useTranslation()
  const text = kind === 'money' ? formatMoney(value) : kind === 'integer' ? formatInteger(value) : formatDecimal(value, 2)
  if (text === null) {
    return (
      <span className="gap-flag" data-testid={testId} data-gap="true">
        {gap ?? t('gap.missing')}
      </span>
    )
  }
  const shown = (
    <span data-testid={testId} data-value={String(exportValue(kind, value, ['', '']))} className="num">
      {text}
    </span>
  )
  return why ? <WhyButton figure={why}>{shown}</WhyButton> : shown
}

export function Card({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="card">
      <div className="label">{label}</div>
      <div className="value">{children}</div>
    </div>
  )
}

export function Loading({ error, loading, onRetry }: { error: { message: string } | null; loading: boolean; onRetry?: () => void }) {
  const { t } = useTranslation()
  if (error)
    return (
      <p className="error" role="alert" data-testid="page-error">
        {t('app.error')}: {error.message} {onRetry && <button type="button" onClick={onRetry}>{t('app.retry')}</button>}
      </p>
    )
  if (loading) return <p role="status" data-testid="page-loading">{t('app.loading')}</p>
  return null
}
