import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, type PageResponse } from '../api/useApi'
import { useAsOf } from './AsOfPicker'
import type { CostingFigureRef, Lineage, RecalculationEntry } from '../api/types'
import { formatMoney, formatDecimal } from '../format/money'

/**
 * "¿Por qué esta cifra?": any cost or budget figure opens the events behind it (type, time, acting user, interview),
 * a page at a time, and the recalculation log's changes of that figure (old → new, with the event that caused it),
 * as of the page's "as of" instant. A budget figure also names the costing figures it rests on; each opens its own
 * lineage, down to the survey events.
 */
export interface FigureRef {
  service: 'costing' | 'budget'
  /** Path segment of the lineage endpoint: products, employees, centers, programs, summary (budget), institution (costing). */
  kind: 'products' | 'employees' | 'centers' | 'programs' | 'summary' | 'institution'
  id: string
  /** The lineage's path when a reference gave it (a budget lineage's costing figure). */
  path?: string
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
  const { asOf } = useAsOf()
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
      {figure && <LineageDrawer key={`${figure.service}:${figure.kind}:${figure.id}:${asOf ?? ''}`} figure={figure} onClose={close} onOpen={open} />}
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

/** Events of a lineage asked for at a time ("more" asks for the next page). */
export const LINEAGE_PAGE = 100

export function lineagePath(f: FigureRef): string {
  if (f.path) return f.path.split('?')[0]
  if (f.service === 'budget' && f.kind === 'summary') return '/api/budget/summary/lineage'
  if (f.service === 'costing' && f.kind === 'institution') return '/api/costing/institution/lineage'
  return `/api/${f.service}/${f.kind}/${encodeURIComponent(f.id)}/lineage`
}

/** The query a reference's path carries (a budget lineage's fiscal year). */
function pathQuery(f: FigureRef): Record<string, string> {
  const query = f.path?.split('?')[1]
  return query ? Object.fromEntries(new URLSearchParams(query)) : {}
}

/** The costing figure a budget lineage names, as a figure whose lineage opens in the drawer. */
export function costingFigure(ref: CostingFigureRef): FigureRef {
  const institution = ref.figureKind === 'INSTITUTION'
  return {
    service: 'costing',
    kind: institution ? 'institution' : 'products',
    id: ref.figureId,
    path: ref.lineageRef,
    figureKind: ref.figureKind,
    label: ref.figureId,
  }
}

/**
 * A lineage read a page at a time: the pages loaded so far in one list, and {@code more} to load the next one (only
 * that one is asked for). The drawer is opened afresh when the "as of" instant changes, so the pages start again.
 */
function useLineage(figure: FigureRef) {
  const [page, setPage] = useState(0)
  const [pages, setPages] = useState<Lineage[]>([])
  const current = useApi<Lineage>(lineagePath(figure), { ...pathQuery(figure), page, size: LINEAGE_PAGE })
  useEffect(() => {
    const answer = current.data
    if (answer) setPages((loaded) => (loaded.length === answer.page ? [...loaded, answer] : loaded))
  }, [current.data])
  const last = pages[pages.length - 1]
  const data = last
    ? { ...last, events: pages.flatMap((p) => p.events), costingFigures: pages.flatMap((p) => p.costingFigures ?? []) }
    : null
  return { data, loading: current.loading, error: current.error, more: () => setPage(pages.length) }
}

function LineageDrawer({ figure, onClose, onOpen }: { figure: FigureRef; onClose: () => void; onOpen: (f: FigureRef) => void }) {
  const { t, i18n } = useTranslation()
  const lineage = useLineage(figure)
  const recalculations = useApi<PageResponse<RecalculationEntry>>(`/api/${figure.service}/recalculations`, {
    figureKind: figure.figureKind,
    figureKey: figure.kind === 'summary' || figure.kind === 'institution' ? undefined : figure.id,
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
        {lineage.data && (
          <p className="muted" data-testid="lineage-count">
            {t('lineage.count', { shown: lineage.data.events.length, total: lineage.data.totalItems })}
          </p>
        )}
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
        {lineage.data && lineage.data.events.length < lineage.data.totalItems && (
          <button type="button" data-testid="lineage-more" disabled={lineage.loading} onClick={lineage.more}>
            {t('lineage.more')}
          </button>
        )}
        {lineage.data && lineage.data.costingFigures.length > 0 && (
          <>
            <h3>{t('lineage.costingFigures')}</h3>
            <ol data-testid="lineage-costing">
              {lineage.data.costingFigures.map((c) => (
                <li key={`${c.figureKind}:${c.figureId}`} data-testid="lineage-costing-figure" data-figure-kind={c.figureKind}
                  data-figure-id={c.figureId} data-cause={c.causationEventId ?? ''}>
                  <button type="button" className="why" data-testid="lineage-follow" onClick={() => onOpen(costingFigure(c))}>
                    {t(`lineage.costingKinds.${c.figureKind}`, { defaultValue: c.figureKind })} {c.figureKind === 'INSTITUTION' ? '' : c.figureId}
                  </button>
                  <br />
                  <span className="muted">{t('lineage.cause')}: {c.causationEventId ?? '—'}</span>
                </li>
              ))}
            </ol>
          </>
        )}
      </aside>
    </>
  )
}
