import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { fetchAll, useLoader } from '../../api/useApi'
import type { ProductCost } from '../../api/costing'
import { DataGrid } from '../../components/DataGrid'
import type { GridColumn } from '../../components/gridModel'
import { Figure, Loading } from '../../components/Money'
import { WhyButton } from '../../components/LineageDrawer'
import { formatMoney } from '../../format/money'
import { FiscalYearInput } from '../../components/FiscalYearInput'

type Amount = string | number
interface SummaryLine { line: string; label: string; amount: Amount; exact: string }
interface Summary {
  fiscalYear: number
  lines: SummaryLine[]
  programsTotal: Amount
  centralActions: Amount
  unassignedTerminals: Amount
  unusedCapacity: Amount
  total: Amount
  costingTotalCost: Amount
  reconciles: boolean
  difference: Amount
  programs: number
  unassigned: { productId: string; fullCost: Amount | null; volume: Amount | null; amount: Amount }[]
  plannedBeyond: Amount
  apnopTotal: Amount
  budgetTotal: Amount
  apnop: ApnopLine[]
}
interface ApnopLine { lineId: string; name: string; kind: string; amount: Amount }
/** Lines the summary shows apart: what plans ask beyond current production, APNOP and the grand total. */
const APART = new Set(['PLANNED_BEYOND', 'APNOP', 'BUDGET_TOTAL'])
interface ActivityView { activityId: string; name: string; kind: string; productId: string | null }
interface ProductNode {
  productId: string
  fullCost: Amount
  volume: Amount | null
  plannedVolume: Amount | null
  basis: string
  volumeGap: boolean
  budget: Amount
}
interface ProgramNode { programId: string; code: string; name: string; budget: Amount; activities: ActivityView[]; products: ProductNode[] }
interface Structure { fiscalYear: number; programs: ProgramNode[]; reconciles: boolean; total: Amount }

interface ProductLine extends ProductNode { key: string; program: string; programId: string; productName: string }
interface ActivityLine extends ActivityView { key: string; program: string; productName: string | null }

/**
 * Page 6, Presupuesto: the reconciliation (programs + central actions + terminals in no program + unused capacity =
 * the institution's total cost), programs with their terminal products and activities, and what is left outside.
 */
export default function PresupuestoPage() {
  const { t } = useTranslation()
  // null: the institution's current fiscal year (the API's default); any other year is asked for explicitly.
  const [year, setYear] = useState<number | null>(null)
  const loaded = useLoader(async (asOf) => {
    const q = { asOf, fiscalYear: year ?? undefined }
    const [summary, structure, products] = await Promise.all([
      api.get<Summary>('/api/budget/summary', q, { asOf: false }),
      api.get<Structure>('/api/budget/structure', q, { asOf: false }),
      fetchAll<ProductCost>('/api/costing/products', q),
    ])
    return { summary, structure, names: new Map(products.map((p) => [p.productId, p.productName])) }
  }, [year])
  const d = loaded.data
  // the server exports take the page's year (the as-of instant is added by ServerExport)
  const budgetQuery = { fiscalYear: year ?? undefined }
  const structureExport = { path: '/api/budget/structure', query: budgetQuery, fileName: 'estructura-programatica' }
  const name = (id: string | null) => (id ? d?.names.get(id) ?? id : null)

  const programColumns = useMemo<GridColumn<ProgramNode>[]>(
    () => [
      { id: 'code', header: t('budget.code'), value: (r) => r.code },
      { id: 'name', header: t('budget.program'), value: (r) => r.name },
      { id: 'products', header: t('budget.terminals'), value: (r) => r.products.length, kind: 'integer', sum: true },
      { id: 'activities', header: t('budget.activities'), value: (r) => r.activities.length, kind: 'integer', sum: true },
      {
        id: 'budget', header: t('budget.budget'), value: (r) => r.budget, kind: 'money', sum: true,
        render: (r) => (
          <WhyButton figure={{ service: 'budget', kind: 'programs', id: r.programId, figureKind: 'PROGRAM', label: `${r.code} ${r.name}` }}>
            {formatMoney(r.budget)}
          </WhyButton>
        ),
      },
    ],
    [t],
  )
  const productLines = useMemo<ProductLine[]>(
    () => (d ? d.structure.programs.flatMap((p) => p.products.map((n) => ({ ...n, key: `${p.programId}|${n.productId}`, program: `${p.code} ${p.name}`, programId: p.programId, productName: name(n.productId)! }))) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [d],
  )
  const productColumns = useMemo<GridColumn<ProductLine>[]>(
    () => [
      { id: 'program', header: t('budget.program'), value: (r) => r.program },
      { id: 'product', header: t('chains.terminal'), value: (r) => r.productName },
      { id: 'fullCost', header: t('costs.fullCost'), value: (r) => r.fullCost, kind: 'money', sum: true },
      { id: 'volume', header: t('costs.volume'), value: (r) => r.volume, kind: 'number', gap: () => t('gap.volume') },
      { id: 'plannedVolume', header: t('budget.plannedVolume'), value: (r) => r.plannedVolume, kind: 'number' },
      { id: 'basis', header: t('budget.basis'), value: (r) => r.basis, hidden: true },
      { id: 'volumeGap', header: t('gap.volume'), value: (r) => r.volumeGap, kind: 'boolean', hidden: true },
      { id: 'budget', header: t('budget.budget'), value: (r) => r.budget, kind: 'money', sum: true },
    ],
    [t],
  )
  const activityLines = useMemo<ActivityLine[]>(
    () => (d ? d.structure.programs.flatMap((p) => p.activities.map((a) => ({ ...a, key: `${p.programId}|${a.activityId}`, program: `${p.code} ${p.name}`, productName: name(a.productId) }))) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [d],
  )
  const activityColumns = useMemo<GridColumn<ActivityLine>[]>(
    () => [
      { id: 'program', header: t('budget.program'), value: (r) => r.program },
      { id: 'activity', header: t('budget.activity'), value: (r) => r.name },
      { id: 'kind', header: t('costs.typeHeader'), value: (r) => r.kind },
      { id: 'product', header: t('costs.product'), value: (r) => r.productName },
    ],
    [t],
  )
  const unassignedColumns = useMemo<GridColumn<Summary['unassigned'][number]>[]>(
    () => [
      { id: 'product', header: t('chains.terminal'), value: (r) => name(r.productId) },
      { id: 'volume', header: t('costs.volume'), value: (r) => r.volume, kind: 'number', gap: () => t('gap.volume') },
      { id: 'fullCost', header: t('costs.fullCost'), value: (r) => r.fullCost, kind: 'money' },
      { id: 'amount', header: t('budget.unassignedPart'), value: (r) => r.amount, kind: 'money', sum: true },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, d],
  )
  const apnopColumns = useMemo<GridColumn<ApnopLine>[]>(
    () => [
      { id: 'name', header: t('budget.apnopName'), value: (r) => r.name },
      { id: 'kind', header: t('budget.apnopKind'), value: (r) => t(`budget.apnopKinds.${r.kind}`, { defaultValue: r.kind }) },
      { id: 'amount', header: t('budget.amount'), value: (r) => r.amount, kind: 'money', sum: true },
    ],
    [t],
  )

  return (
    <>
      <h1>{t('nav.presupuesto')}</h1>
      <div className="toolbar">
        <FiscalYearInput id="budget-fiscal-year" label={t('budget.fiscalYear')} shown={d?.summary.fiscalYear}
          chosen={year} onChange={setYear} max={2999} />
      </div>
      <Loading error={loaded.error} loading={loaded.loading && !d} onRetry={loaded.reload} />
      {d && (
        <>
          <h2>{t('budget.reconciliation', { year: d.summary.fiscalYear })}</h2>
          <table className="grid" data-testid="budget-reconciliation" style={{ maxWidth: '40rem' }}>
            <tbody>
              {d.summary.lines.filter((l) => !APART.has(l.line)).map((l) => (
                <tr key={l.line} data-line={l.line}>
                  <th scope="row" style={{ textAlign: 'left' }}>{l.label}</th>
                  <td className="num">
                    {l.line === 'TOTAL' ? (
                      <WhyButton figure={{ service: 'budget', kind: 'summary', id: 'summary', figureKind: 'SUMMARY', label: l.label }}>
                        <Figure value={l.amount} testId={`budget-line-${l.line}`} />
                      </WhyButton>
                    ) : (
                      <Figure value={l.amount} testId={`budget-line-${l.line}`} />
                    )}
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row" style={{ textAlign: 'left' }}>{t('budget.costingTotal')}</th>
                <td className="num"><Figure value={d.summary.costingTotalCost} testId="budget-costing-total" /></td>
              </tr>
              <tr>
                <th scope="row" style={{ textAlign: 'left' }}>{t('budget.reconciles')}</th>
                <td data-testid="budget-reconciles" data-value={String(d.summary.reconciles)}>
                  {d.summary.reconciles ? t('grid.yes') : <span className="gap-flag">{t('grid.no')} ({formatMoney(d.summary.difference)})</span>}
                </td>
              </tr>
            </tbody>
          </table>
          <h2>{t('budget.apart')}</h2>
          <table className="grid" data-testid="budget-apart" style={{ maxWidth: '40rem' }}>
            <tbody>
              {d.summary.lines.filter((l) => APART.has(l.line)).map((l) => (
                <tr key={l.line} data-line={l.line}>
                  <th scope="row" style={{ textAlign: 'left' }}>{l.label}</th>
                  <td className="num"><Figure value={l.amount} testId={`budget-line-${l.line}`} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('budget.apnop')}</h2>
          <DataGrid id="budget-apnop" caption={t('budget.apnop')} columns={apnopColumns} rows={d.summary.apnop ?? []} rowId={(r) => r.lineId}
            fileName="presupuesto-apnop" serverExport={{ path: '/api/budget/summary', query: budgetQuery, fileName: 'resumen-del-presupuesto' }} />
          <h2>{t('budget.programs')}</h2>
          <DataGrid id="budget-programs" caption={t('budget.programs')} columns={programColumns} rows={d.structure.programs} rowId={(r) => r.programId} fileName="presupuesto-programas"
            serverExport={{ path: '/api/budget/programs', query: budgetQuery, fileName: 'presupuesto-por-programa' }} />
          <h2>{t('budget.terminalsByProgram')}</h2>
          <DataGrid id="budget-products" caption={t('budget.terminalsByProgram')} columns={productColumns} rows={productLines} rowId={(r) => r.key}
            initialGrouping={['program']} fileName="presupuesto-productos-por-programa" serverExport={structureExport} />
          <h2>{t('budget.activitiesByProgram')}</h2>
          <DataGrid id="budget-activities" caption={t('budget.activitiesByProgram')} columns={activityColumns} rows={activityLines} rowId={(r) => r.key}
            fileName="presupuesto-actividades" serverExport={structureExport} />
          <h2>{t('budget.unassigned')}</h2>
          <DataGrid id="budget-unassigned" caption={t('budget.unassigned')} columns={unassignedColumns} rows={d.summary.unassigned} rowId={(r) => r.productId}
            fileName="productos-terminales-sin-programa" serverExport={structureExport} />
        </>
      )}
    </>
  )
}
