import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchAll, useLoader } from '../../api/useApi'
import type { RecalculationEntry } from '../../api/types'
import { DataGrid } from '../../components/DataGrid'
import type { GridColumn } from '../../components/gridModel'
import { Loading } from '../../components/Money'
import { WhyButton, type FigureRef } from '../../components/LineageDrawer'

type Line = RecalculationEntry & { service: 'costing' | 'budget' }

const KINDS: Record<string, FigureRef['kind']> = { PRODUCT: 'products', EMPLOYEE: 'employees', CENTER: 'centers', PROGRAM: 'programs', SUMMARY: 'summary' }

/**
 * Page 8, ¿Por qué esta cifra?: every change of a cost or budget figure (the recalculation logs of costing and
 * budget: old → new, the event that caused it and its user), up to the "as of" instant; each opens its lineage.
 */
export default function LinajePage() {
  const { t, i18n } = useTranslation()
  const [service, setService] = useState<'costing' | 'budget'>('costing')
  const loaded = useLoader(async (asOf) => {
    const rows = await fetchAll<RecalculationEntry>(`/api/${service}/recalculations`, { sort: 'id,desc' })
    const cutoff = asOf ? Date.parse(asOf) : null
    return rows.filter((r) => cutoff === null || Date.parse(r.effectiveAt) <= cutoff).map((r) => ({ ...r, service }))
  }, [service])
  const columns = useMemo<GridColumn<Line>[]>(
    () => [
      { id: 'effectiveAt', header: t('why.when'), value: (r) => new Date(r.effectiveAt).toLocaleString(i18n.language === 'en' ? 'en-US' : 'es-DO') },
      { id: 'figureKind', header: t('why.kind'), value: (r) => t(`why.kinds.${r.figureKind}`, { defaultValue: r.figureKind }) },
      {
        id: 'figureKey', header: t('why.figure'), value: (r) => r.figureKey,
        render: (r) => {
          const kind = KINDS[r.figureKind]
          return kind ? (
            <WhyButton figure={{ service: r.service, kind, id: r.figureKey, figureKind: r.figureKind, label: r.figureKey }}>{r.figureKey}</WhyButton>
          ) : (
            r.figureKey
          )
        },
      },
      { id: 'measure', header: t('why.measure'), value: (r) => r.measure },
      { id: 'oldValue', header: t('why.old'), value: (r) => r.oldValue, kind: 'number' },
      { id: 'newValue', header: t('why.new'), value: (r) => r.newValue, kind: 'number' },
      { id: 'causationType', header: t('why.event'), value: (r) => r.causationType },
      { id: 'actingUser', header: t('lineage.user'), value: (r) => r.actingUser },
      { id: 'fiscalYear', header: t('why.year'), value: (r) => r.fiscalYear, hidden: true },
    ],
    [t, i18n.language],
  )
  return (
    <>
      <h1>{t('nav.linaje')}</h1>
      <p className="muted">{t('why.intro')}</p>
      <div className="tabs" role="tablist">
        {(['costing', 'budget'] as const).map((s) => (
          <button key={s} type="button" role="tab" aria-selected={service === s} data-testid={`why-tab-${s}`} onClick={() => setService(s)}>
            {t(`why.services.${s}`)}
          </button>
        ))}
      </div>
      <Loading error={loaded.error} loading={loaded.loading && !loaded.data} onRetry={loaded.reload} />
      {loaded.data && (
        <DataGrid id="why-changes" caption={t('nav.linaje')} columns={columns} rows={loaded.data} rowId={(r) => `${r.service}-${r.id}`}
          fileName={`recalculos-${service}`} pageSize={100} />
      )}
    </>
  )
}
