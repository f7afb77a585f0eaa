import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, type PageResponse } from '../api/useApi'
import type { Lineage, RecalculationEntry } from '../api/types'
import { formatMoney, formatDecimal } from '../format/money'

/**
 * "¿Por qué esta cifra?": any cost or budget figure opens the events behind it (type, time, acting user, interview)
 * and the recalculation log's changes of that figure (old → new, with the event that caused it), as of the page's
 * "as of" instant.
 */
export interface FigureRef {
  service: 'costing' | 'budget'
  /** Path segment of the lineage endpoint: products, employees, centers, programs, or summary (budget). */
  kind: 'products' | 'employees' | 'centers' | 'programs' | 'summary'
  id: string
  /** The figure kind in the recalculation log (PRODUCT, EMPLOYEE, CENTER, PROGRAM, ...). */
  figureKind: string
  label: string
}

const LineageContext = createContext<(figure: FigureRef) => void>(() => {})

export function useOpenLineage(): (figure: FigureRef) => void {
  return useContext(LineageContext)
}

export function LineageProvider({ children }: { children: ReactNode }) {
  const [figure, setFigure] = useState<FigureRef | null>(null)
  const opener = useRef<HTMLElement | null>(null)
  const open = useCallback((f: FigureRef) => {
    opener.current = document.activeElement as HTMLElement | null
    setFigure(f)
  }, [])
  const close = useCallback(() => {
    setFigure(null)
    opener.current?.focus()
  }, [])
  return (
    <LineageContext.Provider value={open}>
      {children}
      {figure && <LineageDrawer figure={figure} onClose={close} />}
    </LineageContext.Provider>
  )
}

/** The small link next to a figure that opens its lineage. */
export function WhyButton({ figure, children }: { figure: FigureRef; children: ReactNode }) {
  const open = useOpenLineage()
  const { t } = useTranslation()
  return (
    <button
      type="button"
      className="why"
      data-testid="why"
      data-figure-kind={figure.kind}
      data-figure-id={figure.id}
      title={t('grid.why')}
      aria-label={`${t('grid.why')} ${figure.label}`}
      onClick={() => open(figure)}
    >
      {children}
    </button>
  )
}

function lineagePath(f: FigureRef): string {
  if (f.service === 'budget' && f.kind === 'summary') return '/api/budget/summary/lineage'
  return `/api/${f.service}/${f.kind}/${encodeURIComponent(f.id)}/lineage`
}

function LineageDrawer({ figure, onClose }: { figure: FigureRef; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const lineage = useApi<Lineage>(lineagePath(figure))
  const recalculations = useApi<PageResponse<RecalculationEntry>>(`/api/${figure.service}/recalculations`, {
    figureKind: figure.figureKind,
    figureKey: figure.kind === 'summary' ? undefined : figure.id,
    size: 200,
  })
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-US' : 'es-DO')
  const asOf = recalculations.data?.items ?? []
  const cutoff = lineage.data?.asOf ? Date.parse(lineage.data.asOf) : null
  const changes = cutoff === null ? asOf : asOf.filter((c) => Date.parse(c.effectiveAt) <= cutoff)
  const value = (v: string | number | null, measure: string) =>
    v === null ? '—' : /hours|volume|count|horas/i.test(measure) ? formatDecimal(v, 2) : formatMoney(v)
  return (
    <>
      <div className="drawer-backdrop" onClick={onClose} />
      <aside className="drawer" role="dialog" aria-modal="true" aria-labelledby="lineage-title" data-testid="lineage-drawer"
        data-figure-kind={figure.kind} data-figure-id={figure.id}>
        <button type="button" onClick={onClose} data-testid="lineage-close" style={{ float: 'right' }}>
          {t('lineage.close')}
        </button>
        <h2 id="lineage-title" tabIndex={-1} ref={heading}>
          {t('lineage.title')}: {figure.label}
        </h2>
        <h3>{t('lineage.changes')}</h3>
        {recalculations.loading && <p role="status">{t('app.loading')}</p>}
        {recalculations.error && <p className="error" role="alert">{recalculations.error.message}</p>}
        {changes.length === 0 && !recalculations.loading && <p>{t('lineage.noChanges')}</p>}
        <ol data-testid="lineage-changes">
          {changes.map((c) => (
            <li key={c.id} data-testid="lineage-change" data-measure={c.measure} data-old={c.oldValue ?? ''} data-new={c.newValue ?? ''}
              data-user={c.actingUser ?? ''} data-event={c.causationEventId}>
              <strong>{c.measure}</strong>: {value(c.oldValue, c.measure)} → {value(c.newValue, c.measure)}
              <br />
              <span className="muted">
                {when(c.effectiveAt)} · {c.causationType} · {t('lineage.user')}: <span data-testid="lineage-change-user">{c.actingUser ?? '—'}</span>
              </span>
            </li>
          ))}
        </ol>
        <h3>{t('lineage.events')}</h3>
        {lineage.loading && <p role="status">{t('app.loading')}</p>}
        {lineage.error && <p className="error" role="alert">{lineage.error.message}</p>}
        <ol data-testid="lineage-events">
          {(lineage.data?.events ?? []).map((e) => (
            <li key={e.eventId} data-testid="lineage-event" data-event={e.eventId} data-type={e.type} data-user={e.actingUser ?? ''}
              data-interview={e.interviewId ?? ''}>
              <strong>{e.name || e.type}</strong>
              <br />
              <span className="muted">
                {when(e.recordedAt)} · {t('lineage.user')}: <span data-testid="lineage-event-user">{e.actingUser ?? '—'}</span>
                {e.interviewId && (
                  <>
                    {' '}· {t('lineage.interview')}: {e.interviewId}
                  </>
                )}
                {e.reason && (
                  <>
                    {' '}· {t('lineage.reason')}: <span data-testid="lineage-event-reason">{e.reason}</span>
                  </>
                )}
              </span>
            </li>
          ))}
        </ol>
        {lineage.data?.upstreamEventIds && lineage.data.upstreamEventIds.length > 0 && (
          <p className="muted">{t('lineage.upstream', { count: lineage.data.upstreamEventIds.length })}</p>
        )}
      </aside>
    </>
  )
}
