import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/useApi'
import { DataGrid } from '../../components/DataGrid'
import type { GridColumn } from '../../components/gridModel'
import { Card, Figure, Loading } from '../../components/Money'

interface CenterLine {
  centerId: string
  name: string
  function: string | null
  organization: string | null
  manager: string | null
  area: string
  closed: boolean
  employees: number
  annualCost: string | number
}
interface ScopeGroup { scopeId: string; scopeName: string; centers: CenterLine[]; employees: number; annualCost: string | number }
interface View {
  groups: ScopeGroup[]
  byArea: { area: string; centers: number; employees: number; annualCost: string | number }[]
  totals: { centers: number; employees: number; annualCost: string | number }
}
type Line = CenterLine & { scope: string }

/** Page 2, Funciones y organización: the seed's first table, centers grouped by ámbito with count and sums. */
export default function FuncionesPage() {
  const { t } = useTranslation()
  const [includeClosed, setIncludeClosed] = useState(false)
  const view = useApi<View>('/api/survey/views/functions-and-organization', { includeClosed })
  const lines = useMemo<Line[]>(
    () => (view.data ? view.data.groups.flatMap((g) => g.centers.map((c) => ({ ...c, scope: g.scopeName }))) : []),
    [view.data],
  )
  const columns = useMemo<GridColumn<Line>[]>(
    () => [
      { id: 'scope', header: t('functions.scope'), value: (r) => r.scope },
      { id: 'center', header: t('costs.center'), value: (r) => r.name },
      { id: 'function', header: t('functions.function'), value: (r) => r.function },
      { id: 'organization', header: t('functions.organization'), value: (r) => r.organization },
      { id: 'manager', header: t('functions.manager'), value: (r) => r.manager },
      { id: 'area', header: t('costs.area'), value: (r) => t(`area.${r.area}`, { defaultValue: r.area }) },
      { id: 'closed', header: t('functions.closed'), value: (r) => r.closed, kind: 'boolean', hidden: true },
      { id: 'employees', header: t('costs.employees'), value: (r) => r.employees, kind: 'integer', sum: true },
      { id: 'annualCost', header: t('functions.annualCost'), value: (r) => r.annualCost, kind: 'money', sum: true },
    ],
    [t],
  )
  const v = view.data
  return (
    <>
      <h1>{t('nav.funciones')}</h1>
      <Loading error={view.error} loading={view.loading && !v} onRetry={view.reload} />
      {v && (
        <>
          <div className="cards">
            <Card label={t('summary.centers')}><Figure kind="integer" value={v.totals.centers} testId="functions-total-centers" /></Card>
            <Card label={t('costs.employees')}><Figure kind="integer" value={v.totals.employees} testId="functions-total-employees" /></Card>
            <Card label={t('functions.annualCost')}><Figure value={v.totals.annualCost} testId="functions-total-annual-cost" /></Card>
            {v.byArea.map((a) => (
              <Card key={a.area} label={`${t(`area.${a.area}`, { defaultValue: a.area })}: ${t('costs.employees').toLowerCase()}`}>
                <Figure kind="integer" value={a.employees} testId={`functions-area-${a.area}-employees`} />
              </Card>
            ))}
          </div>
          <DataGrid id="functions" caption={t('nav.funciones')} columns={columns} rows={lines} rowId={(r) => r.centerId}
            initialGrouping={['scope']} fileName="funciones-y-organizacion" pageSize={100}
            serverExport={{ path: '/api/survey/views/functions-and-organization', query: { includeClosed }, fileName: 'funciones-y-organizacion' }}
            toolbar={
              <label>
                <input type="checkbox" data-testid="functions-include-closed" checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)} />{' '}
                {t('functions.includeClosed')}
              </label>
            } />
        </>
      )}
    </>
  )
}
