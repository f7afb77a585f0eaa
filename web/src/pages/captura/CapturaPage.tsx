import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { useSession } from '../../api/session'
import { useAsOf } from '../../components/AsOfPicker'
import { AllocationMatrix } from './AllocationMatrix'
import {
  allocate,
  correct,
  getInterview,
  listCenters,
  listInterviews,
  listProducts,
  loadMatrix,
  openInterview,
  permissions,
  validateInterview,
  type CenterRow,
  type InterviewDetail,
  type InterviewRow,
  type ProductRow,
} from './captureApi'
import type { Hours, MatrixModel, MatrixProduct } from './matrix'
import { ProductForm } from './ProductForm'
import './i18n'
import './captura.css'
import { WorkbookPanel } from './WorkbookPanel'

interface Load<T> {
  data: T | null
  error: string | null
  loading: boolean
}

const idle = <T,>(): Load<T> => ({ data: null, error: null, loading: false })

/** Loads when its inputs change (not on a language or as-of switch: capture works on current data, drafts stay). */
function useLoad<T>(load: (() => Promise<T>) | null, deps: unknown[]): [Load<T>, () => void] {
  const [state, setState] = useState<Load<T>>(idle)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (!load) {
      setState(idle)
      return
    }
    let live = true
    setState((s) => ({ ...s, loading: true, error: null }))
    load()
      .then((data) => live && setState({ data, error: null, loading: false }))
      .catch((e: unknown) => live && setState({ data: null, error: e instanceof Error ? e.message : String(e), loading: false }))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick])
  return [state, useCallback(() => setTick((n) => n + 1), [])]
}

function today(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

function messageOf(e: unknown): string {
  return e instanceof Error && e.message ? e.message : String(e)
}

/**
 * Page 7, Captura: choose a center, open or pick one of its interviews, record the weekly hours of its employees per
 * product (each cell one command), add or revise the center's products, validate the interview, and correct a
 * validated one with a stated reason.
 */
export default function CapturaPage() {
  const { t, i18n } = useTranslation()
  const session = useSession()
  const may = permissions(session?.roles)
  const { asOf } = useAsOf()
  const [params, setParams] = useSearchParams()
  const centerId = params.get('center') ?? ''
  const interviewId = params.get('interview') ?? ''

  const choose = (next: { center?: string; interview?: string }) =>
    setParams(
      (p) => {
        const q = new URLSearchParams(p)
        for (const [k, v] of Object.entries(next)) {
          if (v) q.set(k, v)
          else q.delete(k)
        }
        return q
      },
      { replace: false },
    )

  const [centers] = useLoad<CenterRow[]>(listCenters, [])
  const [interviews, reloadInterviews] = useLoad<InterviewRow[]>(centerId ? () => listInterviews(centerId) : null, [centerId])
  const [matrix, reloadMatrix] = useLoad(interviewId && centerId ? () => loadMatrix(interviewId, centerId) : null, [interviewId, centerId])
  const [products, reloadProducts] = useLoad<ProductRow[]>(centerId ? () => listProducts(centerId) : null, [centerId])
  const [allProducts] = useLoad<ProductRow[]>(interviewId && may.write ? () => listProducts() : null, [interviewId, may.write])

  // The interview's status moves on validation without reloading the matrix (its typed cells stay).
  const [interview, setInterview] = useState<InterviewDetail | null>(null)
  useEffect(() => {
    setInterview(matrix.data?.interview ?? null)
  }, [matrix.data])
  const refreshInterview = useCallback(async (id: string) => {
    try {
      setInterview(await getInterview(id))
    } catch {
      // the matrix keeps the status it had; the next action reports the problem
    }
  }, [])

  const center = centers.data?.find((c) => c.id === centerId) ?? null
  const validated = interview?.status === 'VALIDATED'

  const [reason, setReason] = useState('')
  const reasonRef = useRef('')
  reasonRef.current = reason
  useEffect(() => setReason(''), [interviewId])

  const save = useCallback(
    async (employeeId: string, productId: string, hours: Hours) => {
      if (!interview) throw new Error(t('app.error'))
      try {
        if (interview.status === 'VALIDATED') {
          const why = reasonRef.current.trim()
          if (!why) throw new Error(t('captura.correction.reasonRequired'))
          await correct(interview.id, employeeId, productId, hours, why)
          return { correctionReason: why }
        }
        await allocate(interview.id, employeeId, productId, hours)
        return {}
      } catch (e) {
        // Someone validated (or the page missed it): show the new status so the next try is a correction.
        if (e instanceof ApiError && (e.code === 'interview.validated' || e.code === 'interview.not-validated')) {
          void refreshInterview(interview.id)
        }
        throw e
      }
    },
    [interview, t, refreshInterview],
  )

  const centerColumns = useMemo<MatrixProduct[] | undefined>(
    () => products.data?.map((p) => ({ id: p.id, name: p.name })),
    [products.data],
  )
  const otherProducts = useMemo<MatrixProduct[]>(
    () =>
      (allProducts.data ?? [])
        .filter((p) => p.centerId !== centerId)
        .map((p) => ({ id: p.id, name: p.centerName ? `${p.name} (${p.centerName})` : p.name })),
    [allProducts.data, centerId],
  )

  const roles = (session?.roles ?? []).join(', ') || '—'
  const locale = i18n.language === 'en' ? 'en-US' : 'es-DO'

  return (
    <div className="captura" data-testid="captura-page">
      <h1>{t('captura.title')}</h1>
      <p className="muted captura-help">{t('captura.intro')}</p>
      {!may.write && (
        <p className="captura-notice" role="note" data-testid="captura-readonly">
          {may.validate ? t('captura.validateOnly', { roles }) : t('captura.readOnly', { roles })}
        </p>
      )}
      {asOf && (
        <p className="captura-notice" role="note" data-testid="captura-asof-ignored">
          {t('captura.asOfIgnored')}
        </p>
      )}

      <div className="captura-pickers">
        <div className="captura-field">
          <label htmlFor="captura-center">{t('captura.center')}</label>
          <select
            id="captura-center"
            data-testid="captura-center-select"
            value={centerId}
            onChange={(e) => choose({ center: e.target.value, interview: '' })}
          >
            <option value="">{centers.loading ? t('app.loading') : t('captura.chooseCenter')}</option>
            {(centers.data ?? []).map((c) => (
              <option key={c.id} value={c.id} data-testid={`center-option-${c.id}`}>
                {c.closed ? `${c.name} (${t('captura.closed')})` : c.name}
              </option>
            ))}
          </select>
          {centers.error && (
            <span className="captura-field-error" role="alert" data-testid="captura-centers-error">
              {t('app.error')}: {centers.error}
            </span>
          )}
        </div>

        {centerId && (
          <div className="captura-field">
            <label htmlFor="captura-interview">{t('captura.interview')}</label>
            <select
              id="captura-interview"
              data-testid="captura-interview-select"
              value={interviewId}
              onChange={(e) => choose({ interview: e.target.value })}
            >
              <option value="">
                {interviews.loading && !interviews.data
                  ? t('app.loading')
                  : interviews.data?.length === 0
                    ? t('captura.noInterviews')
                    : t('captura.chooseInterview')}
              </option>
              {(interviews.data ?? []).map((i) => (
                <option key={i.id} value={i.id} data-testid={`interview-option-${i.id}`} data-status={i.status}>
                  {t('captura.interviewOption', {
                    date: i.date ?? '—',
                    status: t(`captura.status.${i.status}`),
                    count: i.allocations,
                  })}
                </option>
              ))}
            </select>
            {interviews.error && (
              <span className="captura-field-error" role="alert" data-testid="captura-interviews-error">
                {t('app.error')}: {interviews.error}
              </span>
            )}
          </div>
        )}
      </div>

      {centerId && may.write && (
        <OpenInterview
          key={`open-${centerId}`}
          centerId={centerId}
          closed={center?.closed ?? false}
          defaultInterviewer={session?.name ?? ''}
          onOpened={(id) => {
            reloadInterviews()
            choose({ interview: id })
          }}
        />
      )}

      {interviewId && matrix.loading && !matrix.data && <p role="status">{t('app.loading')}</p>}
      {interviewId && matrix.error && (
        <p className="error" role="alert" data-testid="captura-interview-error">
          {t('app.error')}: {matrix.error}
        </p>
      )}

      {interview && matrix.data && interview.id === interviewId && (
        <section className="captura-interview" aria-labelledby="captura-interview-title" data-testid="captura-interview">
          <h2 id="captura-interview-title">
            {t('captura.interview')} {interview.date ?? ''} · {interview.centerName ?? center?.name ?? ''}
          </h2>
          <dl className="captura-summary">
            <div>
              <dt>{t('captura.summary.status')}</dt>
              <dd>
                <span className={`captura-status captura-status-${interview.status}`} data-testid="captura-interview-status" data-status={interview.status}>
                  {t(`captura.status.${interview.status}`)}
                </span>
                {interview.validatedOn && <> · {t('captura.summary.validatedOn', { date: interview.validatedOn })}</>}
              </dd>
            </div>
            {interview.interviewer && (
              <div>
                <dt>{t('captura.summary.interviewer')}</dt>
                <dd>{interview.interviewer}</dd>
              </div>
            )}
            {interview.participants.length > 0 && (
              <div>
                <dt>{t('captura.summary.participants')}</dt>
                <dd>{interview.participants.join(', ')}</dd>
              </div>
            )}
            {interview.updatedBy && (
              <div>
                <dd className="muted" data-testid="captura-last-change">
                  {t('captura.summary.lastChange', {
                    user: interview.updatedBy,
                    when: interview.updatedAt ? new Date(interview.updatedAt).toLocaleString(locale) : '—',
                  })}
                </dd>
              </div>
            )}
          </dl>

          {!validated && (
            <ValidateInterview
              interviewId={interview.id}
              allowed={may.validate}
              onValidated={() => {
                void refreshInterview(interview.id)
                reloadInterviews()
              }}
            />
          )}

          {validated && may.write && (
            <div className="captura-correction">
              <p className="muted">{t('captura.correction.help')}</p>
              <label htmlFor="correction-reason">{t('captura.correction.reason')}</label>
              <input
                id="correction-reason"
                data-testid="correction-reason"
                value={reason}
                required
                aria-required="true"
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
          )}

          <AllocationMatrix
            key={interview.id}
            model={matrix.data.model as MatrixModel}
            editable={may.write}
            save={save}
            columns={centerColumns}
            otherProducts={otherProducts}
          />

          <WorkbookPanel
            interviewId={interview.id}
            allowed={may.write}
            validated={validated}
            onImported={() => {
              reloadMatrix()
              reloadInterviews()
            }}
          />
        </section>
      )}

      {centerId && products.data && (
        <ProductForm key={`products-${centerId}`} centerId={centerId} products={products.data} editable={may.write} onChanged={reloadProducts} />
      )}
    </div>
  )
}

function OpenInterview({
  centerId,
  closed,
  defaultInterviewer,
  onOpened,
}: {
  centerId: string
  closed: boolean
  defaultInterviewer: string
  onOpened: (id: string) => void
}) {
  const { t } = useTranslation()
  const [date, setDate] = useState(today)
  const [interviewer, setInterviewer] = useState(defaultInterviewer)
  const [participants, setParticipants] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      const { id } = await openInterview({
        centerId,
        date: date || null,
        interviewer: interviewer.trim() || null,
        participants: participants
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      })
      onOpened(id)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <details className="captura-open" data-testid="captura-open">
      <summary data-testid="captura-open-toggle">{t('captura.open.legend')}</summary>
      {closed && <p className="muted">{t('captura.open.closedCenter')}</p>}
      <div className="captura-form-grid">
        <label htmlFor="captura-interview-date">{t('captura.open.date')}</label>
        <input id="captura-interview-date" data-testid="captura-interview-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <label htmlFor="captura-interviewer">{t('captura.open.interviewer')}</label>
        <input id="captura-interviewer" data-testid="captura-interviewer" value={interviewer} onChange={(e) => setInterviewer(e.target.value)} />
        <label htmlFor="captura-participants">{t('captura.open.participants')}</label>
        <input id="captura-participants" data-testid="captura-participants" value={participants} onChange={(e) => setParticipants(e.target.value)} />
      </div>
      <div className="captura-save-line">
        <button type="button" className="primary" data-testid="captura-open-interview" disabled={busy} onClick={submit}>
          {busy ? t('captura.open.opening') : t('captura.open.submit')}
        </button>
        {error && (
          <span className="captura-field-error" role="alert" data-testid="captura-open-error">
            {error}
          </span>
        )}
      </div>
    </details>
  )
}

function ValidateInterview({ interviewId, allowed, onValidated }: { interviewId: string; allowed: boolean; onValidated: () => void }) {
  const { t } = useTranslation()
  const [date, setDate] = useState(today)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      await validateInterview(interviewId, date || null)
      onValidated()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="captura-validate toolbar">
      <label htmlFor="captura-validated-on">{t('captura.validate.date')}</label>
      <input id="captura-validated-on" data-testid="captura-validated-on" type="date" value={date} disabled={!allowed} onChange={(e) => setDate(e.target.value)} />
      <button type="button" data-testid="captura-validate" disabled={!allowed || busy} onClick={submit} title={allowed ? undefined : t('captura.validate.notAllowed')}>
        {busy ? t('captura.validate.validating') : t('captura.validate.submit')}
      </button>
      {!allowed && <span className="muted">{t('captura.validate.notAllowed')}</span>}
      {error && (
        <span className="captura-field-error" role="alert" data-testid="captura-validate-error">
          {error}
        </span>
      )}
    </div>
  )
}
