import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/useApi'
import type { CostSummary } from '../../api/costing'
import { Card, Figure, Loading } from '../../components/Money'
import { barOption, Chart, pieOption } from '../../components/Charts'
import { DataGrid } from '../../components/DataGrid'
import type { GridColumn } from '../../components/gridModel'
import type { CoreProductLine, AreaLine } from '../../api/costing'
import { formatMoney, formatInteger } from '../../format/money'
import { WhyButton } from '../../components/LineageDrawer'
import { chainCount, type ProgrammaticStructure, type ValueChainsView } from '../../api/valuechain'


/** Page 1, Resumen general: the institution's counts, products and workers by area, cost by CORE product. */
export default function ResumenPage() {
  const { t } = useTranslation()
  const summary = useApi<CostSummary>('/api/costing/summary')
  const chains = useApi<ValueChainsView>('/api/valuechain/views/value-chains')
  const s = summary.data
  const structure = useApi<ProgrammaticStructure>('/api/valuechain/views/programmatic-structure')
  const counts = chains.data && structure.data ? { chains: chainCount(chains.data)!, programs: structure.data.programs.length } : null
  const money = (v: number) => formatMoney(v) ?? ''

  const areaColumns = useMemo<GridColumn<AreaLine>[]>(
    () => [
      { id: 'area', header: t('costs.area'), value: (r) => t(`area.${r.area}`, { defaultValue: r.area }) },
      { id: 'centers', header: t('summary.centers'), value: (r) => r.centers, kind: 'integer', sum: true },
      { id: 'employees', header: t('costs.employees'), value: (r) => r.employees, kind: 'integer', sum: true },
      { id: 'products', header: t('summary.products'), value: (r) => r.products, kind: 'integer', sum: true },
      { id: 'terminalProducts', header: t('summary.terminal'), value: (r) => r.terminalProducts, kind: 'integer', sum: true },
      { id: 'payroll', header: t('costs.payroll'), value: (r) => r.payroll, kind: 'money', sum: true },
      { id: 'totalCost', header: t('costs.totalCost'), value: (r) => r.totalCost, kind: 'money', sum: true },
      { id: 'unusedCost', header: t('costs.unusedCost'), value: (r) => r.unusedCost, kind: 'money', sum: true },
    ],
    [t],
  )
  const coreColumns = useMemo<GridColumn<CoreProductLine>[]>(
    () => [
      { id: 'product', header: t('costs.product'), value: (r) => r.productName },
      { id: 'center', header: t('costs.center'), value: (r) => r.centerName },
      { id: 'volume', header: t('costs.volume'), value: (r) => r.volume, kind: 'number', gap: () => t('gap.volume') },
      { id: 'unit', header: t('costs.volumeUnit'), value: (r) => r.volumeUnit },
      { id: 'direct', header: t('costs.direct'), value: (r) => r.direct, kind: 'money', sum: true },
      {
        id: 'fullCost', header: t('costs.fullCost'), value: (r) => r.fullCost, kind: 'money', sum: true,
        render: (r) => (
          <WhyButton figure={{ service: 'costing', kind: 'products', id: r.productId, figureKind: 'PRODUCT', label: r.productName }}>
            {formatMoney(r.fullCost)}
          </WhyButton>
        ),
      },
      { id: 'fullUnitCost', header: t('costs.fullUnitCost'), value: (r) => r.fullUnitCost, kind: 'money', gap: () => t('gap.volume') },
    ],
    [t],
  )

  return (
    <>
      <h1>{t('nav.resumen')}</h1>
      <Loading error={summary.error} loading={summary.loading && !s} onRetry={summary.reload} />
      {s && (
        <>
          <h2>{s.institution.name}</h2>
          <div className="cards">
            <Card label={t('summary.products')}><Figure kind="integer" value={s.products} testId="summary-products" /></Card>
            <Card label={t('summary.terminal')}><Figure kind="integer" value={s.terminalProducts} testId="summary-terminal-products" /></Card>
            <Card label={t('summary.intermediate')}><Figure kind="integer" value={s.intermediateProducts} testId="summary-intermediate-products" /></Card>
            <Card label={t('summary.core')}><Figure kind="integer" value={s.coreProducts} testId="summary-core-products" /></Card>
            <Card label={t('summary.centers')}><Figure kind="integer" value={s.centers} testId="summary-centers" /></Card>
            <Card label={t('summary.participating')}><Figure kind="integer" value={s.participatingEmployees} testId="summary-participating-employees" /></Card>
            <Card label={t('summary.employees')}><Figure kind="integer" value={s.employees} testId="summary-employees" /></Card>
            <Card label={t('summary.chains')}>
              {counts ? <Figure kind="integer" value={counts.chains} testId="summary-value-chains" /> : <span>—</span>}
            </Card>
            <Card label={t('summary.programs')}>
              {counts ? <Figure kind="integer" value={counts.programs} testId="summary-programs" /> : <span>—</span>}
            </Card>
            <Card label={t('summary.totalCost')}><Figure value={s.institution.totalCost} testId="summary-total-cost" /></Card>
            <Card label={t('costs.unusedCost')}><Figure value={s.institution.unusedCost} testId="summary-unused-cost" /></Card>
            <Card label={t('summary.overAllocated')}>
              <Figure kind="integer" value={s.institution.overAllocatedEmployees} testId="summary-over-allocated-employees" />
            </Card>
            <Card label={t('summary.volumeGaps')}><Figure kind="integer" value={s.volumeGaps} testId="summary-volume-gaps" /></Card>
          </div>
          <div className="charts">
            <Chart testId="summary-chart-core-cost" label={t('summary.coreCost')}
              option={barOption(s.coreProductCosts.slice(0, 15).map((c) => ({ name: c.productName, value: Number(c.fullCost) })), money)} />
            <Chart testId="summary-chart-area-workers" label={t('summary.workersByArea')}
              option={pieOption(s.byArea.map((a) => ({ name: t(`area.${a.area}`, { defaultValue: a.area }), value: a.employees })), (v) => formatInteger(v) ?? '')} />
            <Chart testId="summary-chart-area-products" label={t('summary.productsByArea')}
              option={pieOption(s.byArea.map((a) => ({ name: t(`area.${a.area}`, { defaultValue: a.area }), value: a.products })), (v) => formatInteger(v) ?? '')} />
          </div>
          <h2>{t('summary.byArea')}</h2>
          <DataGrid id="summary-areas" caption={t('summary.byArea')} columns={areaColumns} rows={s.byArea} rowId={(r) => r.area} fileName="resumen-por-area" />
          <h2>{t('summary.coreCost')}</h2>
          <DataGrid id="summary-core" caption={t('summary.coreCost')} columns={coreColumns} rows={s.coreProductCosts} rowId={(r) => r.productId} fileName="costo-productos-core" />
        </>
      )}
    </>
  )
}

