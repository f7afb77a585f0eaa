import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { fetchAll, useLoader } from '../../api/useApi'
import type { CenterCost, EmployeeCost, InstitutionCost, ProductCost } from '../../api/costing'
import { DataGrid } from '../../components/DataGrid'
import type { GridColumn } from '../../components/gridModel'
import { FiscalYearInput } from '../../components/FiscalYearInput'
import { Figure, Loading } from '../../components/Money'
import { WhyButton } from '../../components/LineageDrawer'
import { formatMoney } from '../../format/money'
import { MethodSwitch } from './MethodSwitch'

type Tab = 'products' | 'labour' | 'employees' | 'centers'

interface LabourLine {
  key: string
  productId: string
  productName: string
  centerName: string
  type: string
  core: boolean
  employeeId: string
  employeeName: string
  payroll: unknown
  hours: unknown
  sharePercent: unknown
  labour: unknown
  volume: unknown
  unitCost: unknown
}

/**
 * Page 5, Costos: the seed's table (a row per product and employee, grouped by product with sums), the products'
 * cost figures, and costs by employee and by center. `normalize` (over-allocated hours scaled to the contract) is
 * a query of the API and switches here; the costing method is the institution's setting, switched here by its
 * administrator (MethodSwitch).
 */
export default function CostosPage() {
  const { t } = useTranslation()
  const [tab, setTab] = useState<Tab>('labour')
  const [normalize, setNormalize] = useState(false)
  const [validatedOnly, setValidatedOnly] = useState(false)
  const [year, setYear] = useState<number | null>(null)
  const loaded = useLoader(async (asOf) => {
    const q = { asOf, normalize, fiscalYear: year ?? undefined, basis: validatedOnly ? 'validated' : undefined }
    const [institution, products, employees, centers] = await Promise.all([
      api.get<InstitutionCost>('/api/costing/institution', q, { asOf: false }),
      fetchAll<ProductCost>('/api/costing/products', q),
      fetchAll<EmployeeCost>('/api/costing/employees', q),
      fetchAll<CenterCost>('/api/costing/centers', q),
    ])
    return { institution, products, employees, centers }
  }, [normalize, validatedOnly, year])
  const data = loaded.data
  const gapVolume = t('gap.volume')
  // the server exports take the same query as the grids (the as-of instant is added by ServerExport)
  const costQuery = { normalize: normalize || undefined, fiscalYear: year ?? undefined, basis: validatedOnly ? 'validated' : undefined }

  const labour = useMemo<LabourLine[]>(() => {
    if (!data) return []
    const payroll = new Map(data.employees.map((e) => [e.employeeId, e.capacityCost]))
    return data.products.flatMap((p) =>
      p.rows.map((r) => ({
        key: `${p.productId}|${r.employeeId}`,
        productId: p.productId,
        productName: p.productName,
        centerName: p.centerName,
        type: p.type,
        core: p.core,
        employeeId: r.employeeId,
        employeeName: r.employeeName,
        payroll: payroll.get(r.employeeId) ?? null,
        hours: r.hours,
        sharePercent: r.sharePercent,
        labour: r.labour,
        volume: p.volume,
        unitCost: r.unitCost,
      })),
    )
  }, [data])

  const typeLabel = (type: string) => t(`costs.type.${type}`, { defaultValue: type })

  const labourColumns = useMemo<GridColumn<LabourLine>[]>(
    () => [
      { id: 'product', header: t('costs.product'), value: (r) => r.productName },
      { id: 'center', header: t('costs.center'), value: (r) => r.centerName },
      { id: 'type', header: t('costs.typeHeader'), value: (r) => typeLabel(r.type), hidden: true },
      { id: 'core', header: t('costs.core'), value: (r) => r.core, kind: 'boolean', hidden: true },
      { id: 'employee', header: t('costs.employee'), value: (r) => r.employeeName },
      { id: 'payroll', header: t('costs.payroll'), value: (r) => r.payroll, kind: 'money' },
      { id: 'hours', header: t('costs.hours'), value: (r) => r.hours, kind: 'number', sum: true },
      { id: 'share', header: t('costs.share'), value: (r) => r.sharePercent, kind: 'percent' },
      { id: 'labour', header: t('costs.labour'), value: (r) => r.labour, kind: 'money', sum: true },
      { id: 'volume', header: t('costs.volume'), value: (r) => r.volume, kind: 'number', gap: () => gapVolume },
      { id: 'unitCost', header: t('costs.unitCost'), value: (r) => r.unitCost, kind: 'money', gap: () => gapVolume },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t],
  )

  const productColumns = useMemo<GridColumn<ProductCost>[]>(
    () => [
      { id: 'product', header: t('costs.product'), value: (r) => r.productName },
      { id: 'center', header: t('costs.center'), value: (r) => r.centerName },
      { id: 'type', header: t('costs.typeHeader'), value: (r) => typeLabel(r.type) },
      { id: 'core', header: t('costs.core'), value: (r) => r.core, kind: 'boolean' },
      { id: 'hours', header: t('costs.hours'), value: (r) => r.hours, kind: 'number', sum: true },
      { id: 'labour', header: t('costs.labour'), value: (r) => r.labour, kind: 'money', sum: true },
      { id: 'nonLabour', header: t('costs.nonLabour'), value: (r) => r.nonLabour, kind: 'money', sum: true },
      {
        id: 'direct', header: t('costs.direct'), value: (r) => r.direct, kind: 'money', sum: true,
        render: (r) => (
          <WhyButton figure={{ service: 'costing', kind: 'products', id: r.productId, figureKind: 'PRODUCT', label: r.productName }}>
            {formatMoney(r.direct)}
          </WhyButton>
        ),
      },
      { id: 'volume', header: t('costs.volume'), value: (r) => r.volume, kind: 'number', gap: () => gapVolume },
      { id: 'unit', header: t('costs.volumeUnit'), value: (r) => r.volumeUnit, hidden: true },
      { id: 'unitCost', header: t('costs.unitCost'), value: (r) => r.unitCost, kind: 'money', gap: () => gapVolume },
      { id: 'fullCost', header: t('costs.fullCost'), value: (r) => r.fullCost, kind: 'money', sum: true },
      { id: 'fullUnitCost', header: t('costs.fullUnitCost'), value: (r) => r.fullUnitCost, kind: 'money', gap: () => gapVolume },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t],
  )

  const employeeColumns = useMemo<GridColumn<EmployeeCost>[]>(
    () => [
      { id: 'employee', header: t('costs.employee'), value: (r) => r.employeeName },
      { id: 'position', header: t('costs.position'), value: (r) => r.position },
      { id: 'center', header: t('costs.center'), value: (r) => r.centerName },
      { id: 'contractedHours', header: t('costs.contractedHours'), value: (r) => r.contractedHours, kind: 'number', sum: true },
      { id: 'allocatedHours', header: t('costs.allocatedHours'), value: (r) => r.allocatedHours, kind: 'number', sum: true },
      { id: 'unusedHours', header: t('costs.unusedHours'), value: (r) => r.unusedHours, kind: 'number', sum: true },
      { id: 'capacityCost', header: t('costs.payroll'), value: (r) => r.capacityCost, kind: 'money', sum: true },
      {
        id: 'allocatedCost', header: t('costs.allocatedCost'), value: (r) => r.allocatedCost, kind: 'money', sum: true,
        render: (r) => (
          <WhyButton figure={{ service: 'costing', kind: 'employees', id: r.employeeId, figureKind: 'EMPLOYEE', label: r.employeeName }}>
            {formatMoney(r.allocatedCost)}
          </WhyButton>
        ),
      },
      { id: 'unusedCost', header: t('costs.unusedCost'), value: (r) => r.unusedCost, kind: 'money', sum: true },
      { id: 'overAllocated', header: t('costs.overAllocated'), value: (r) => r.overAllocated, kind: 'boolean' },
      { id: 'hourPrice', header: t('costs.hourPrice'), value: (r) => r.hourPrice, kind: 'money', hidden: true },
    ],
    [t],
  )

  const centerColumns = useMemo<GridColumn<CenterCost>[]>(
    () => [
      { id: 'center', header: t('costs.center'), value: (r) => r.centerName },
      { id: 'area', header: t('costs.area'), value: (r) => t(`area.${r.area}`, { defaultValue: r.area }) },
      { id: 'employees', header: t('costs.employees'), value: (r) => r.employees, kind: 'integer', sum: true },
      { id: 'payroll', header: t('costs.payroll'), value: (r) => r.payroll, kind: 'money', sum: true },
      { id: 'nonLabour', header: t('costs.nonLabour'), value: (r) => r.nonLabour, kind: 'money', sum: true },
      {
        id: 'totalCost', header: t('costs.totalCost'), value: (r) => r.totalCost, kind: 'money', sum: true,
        render: (r) => (
          <WhyButton figure={{ service: 'costing', kind: 'centers', id: r.centerId, figureKind: 'CENTER', label: r.centerName }}>
            {formatMoney(r.totalCost)}
          </WhyButton>
        ),
      },
      { id: 'allocatedCost', header: t('costs.allocatedCost'), value: (r) => r.allocatedCost, kind: 'money', sum: true },
      { id: 'unusedCost', header: t('costs.unusedCost'), value: (r) => r.unusedCost, kind: 'money', sum: true },
      { id: 'capacityHours', header: t('costs.contractedHours'), value: (r) => r.capacityHours, kind: 'number', sum: true },
      { id: 'allocatedHours', header: t('costs.allocatedHours'), value: (r) => r.allocatedHours, kind: 'number', sum: true },
      { id: 'overAllocated', header: t('costs.overAllocated'), value: (r) => r.overAllocated, kind: 'boolean' },
    ],
    [t],
  )

  const tabs: Tab[] = ['labour', 'products', 'employees', 'centers']
  return (
    <>
      <h1>{t('nav.costos')}</h1>
      <div className="toolbar">
        {data && (
          <MethodSwitch method={data.institution.method} reload={loaded.reload} />
        )}
        <label>
          <input type="checkbox" data-testid="costs-normalize" checked={normalize} onChange={(e) => setNormalize(e.target.checked)} />{' '}
          {t('costs.normalize')}
        </label>
        <label>
          <input type="checkbox" data-testid="costs-validated" checked={validatedOnly} onChange={(e) => setValidatedOnly(e.target.checked)} />{' '}
          {t('costs.validatedOnly')}
        </label>
        <span>
          <FiscalYearInput id="costs-fiscal-year" label={t('costs.fiscalYear')} shown={data?.institution.fiscalYear} chosen={year} onChange={setYear} />
        </span>
        {data?.institution.provisional && (
          <span className="badge" data-testid="costs-provisional">{t('costs.provisional')}</span>
        )}
        {data && (
          <span>
            {t('costs.totalCost')}:{' '}
            <Figure value={data.institution.totalCost} testId="costs-total-cost" />
          </span>
        )}
      </div>
      <div className="tabs" role="tablist" aria-label={t('nav.costos')}>
        {tabs.map((k) => (
          <button key={k} type="button" role="tab" id={`costs-tab-${k}`} aria-selected={tab === k} aria-controls="costs-panel"
            data-testid={`costs-tab-${k}`} onClick={() => setTab(k)}>
            {t(`costs.tabs.${k}`)}
          </button>
        ))}
      </div>
      <Loading error={loaded.error} loading={loaded.loading && !data} onRetry={loaded.reload} />
      {data && (
        <div id="costs-panel" role="tabpanel" aria-labelledby={`costs-tab-${tab}`}>
          {tab === 'labour' && (
            <DataGrid id="costs-labour" caption={t('costs.tabs.labour')} columns={labourColumns} rows={labour} rowId={(r) => r.key}
              initialGrouping={['product']} fileName="costos-por-producto-y-funcionario" pageSize={100}
              serverExport={{ path: '/api/costing/products', query: costQuery, fileName: 'costos-por-producto' }} />
          )}
          {tab === 'products' && (
            <DataGrid id="costs-products" caption={t('costs.tabs.products')} columns={productColumns} rows={data.products}
              rowId={(r) => r.productId} fileName="costos-por-producto" pageSize={100}
              serverExport={{ path: '/api/costing/products', query: costQuery, fileName: 'costos-por-producto' }} />
          )}
          {tab === 'employees' && (
            <DataGrid id="costs-employees" caption={t('costs.tabs.employees')} columns={employeeColumns} rows={data.employees}
              rowId={(r) => r.employeeId} fileName="costos-por-funcionario" pageSize={100}
              serverExport={{ path: '/api/costing/employees', query: costQuery, fileName: 'costos-por-funcionario' }} />
          )}
          {tab === 'centers' && (
            <DataGrid id="costs-centers" caption={t('costs.tabs.centers')} columns={centerColumns} rows={data.centers}
              rowId={(r) => r.centerId} fileName="costos-por-centro" pageSize={100}
              serverExport={{ path: '/api/costing/centers', query: costQuery, fileName: 'costos-por-centro' }} />
          )}
        </div>
      )}
    </>
  )
}
