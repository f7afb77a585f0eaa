import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { useSearchParams } from 'react-router-dom'
import { useTranslation } from 'react-i18next'

/**
 * The global "as of" instant: kept in the address (`?asOf=2026-12-01T14:05:00.000Z`) so a deep link shows the
 * figures of the same moment, and applied to every query of every page. Empty means the current figures.
 */
interface AsOfState {
  asOf: string | null
  setAsOf: (instant: string | null) => void
}

const AsOfContext = createContext<AsOfState>({ asOf: null, setAsOf: () => {} })

export function AsOfProvider({ children }: { children: ReactNode }) {
  const [params, setParams] = useSearchParams()
  const asOf = params.get('asOf')
  const value = useMemo<AsOfState>(
    () => ({
      asOf: asOf && !Number.isNaN(Date.parse(asOf)) ? asOf : null,
      setAsOf: (instant) =>
        setParams(
          (p) => {
            const next = new URLSearchParams(p)
            if (instant) next.set('asOf', instant)
            else next.delete('asOf')
            return next
          },
          { replace: false },
        ),
    }),
    [asOf, setParams],
  )
  return <AsOfContext.Provider value={value}>{children}</AsOfContext.Provider>
}

export function useAsOf(): AsOfState {
  return useContext(AsOfContext)
}

/** `datetime-local` value (the user's wall clock) for an ISO instant, and back. */
export function toLocalInput(instant: string | null): string {
  if (!instant) return ''
  const d = new Date(instant)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? null : d.toISOString()
}

export function AsOfPicker() {
  const { t, i18n } = useTranslation()
  const { asOf, setAsOf } = useAsOf()
  return (
    <div className="asof" data-testid="asof">
      <label htmlFor="asof-input">{t('asOf.label')}</label>
      <input
        id="asof-input"
        data-testid="asof-input"
        type="datetime-local"
        step={1}
        value={toLocalInput(asOf)}
        onChange={(e) => setAsOf(fromLocalInput(e.target.value))}
      />
      {asOf ? (
        <>
          <span className="asof-showing" data-testid="asof-showing" role="status">
            {t('asOf.showing', { date: new Date(asOf).toLocaleString(i18n.language === 'en' ? 'en-US' : 'es-DO') })}
          </span>
          <button type="button" data-testid="asof-clear" onClick={() => setAsOf(null)}>
            {t('asOf.clear')}
          </button>
        </>
      ) : (
        <span className="asof-now">{t('asOf.now')}</span>
      )}
    </div>
  )
}
