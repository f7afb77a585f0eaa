import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchAll, useLoader } from '../../api/useApi'
import { api } from '../../api/client'
import { DataGrid } from '../../components/DataGrid'
import type { GridColumn } from '../../components/gridModel'
import { Card, Figure, Loading } from '../../components/Money'

interface ProductRow {
  id: string
  centerId: string
  centerName: string | null
  area: string | null
  name: string
  description: string | null
  type: string
  core: boolean
  volume: string | number | null
  volumeUnit: string | null
  volumeGap: boolean
  users: string[]
  frequency: string | null
  elaborationTime: string | null
  processSteps: string[]
  problems: string | null
  synergies: string | null
  status: string
  updatedBy: string | null
  updatedAt: string | null
}
interface Counts { products: number; terminal: number; intermediate: number; core: number; volumeGaps: number }
interface ProductSummary { total: Counts; byArea: { area: string; counts: Counts }[] }

/** Page 3, Productos: every product with its productive features; a missing volume is flagged, never a number. */
export default function ProductosPage() {
  const { t } = useTranslation()
  const loaded = useLoader(async (asOf) => {
    const [products, summary] = await Promise.all([
      fetchAll<ProductRow>('/api/catalog/products', { asOf }),
      api.get<ProductSummary>('/api/catalog/views/product-summary', {}, { asOf: false }),
    ])
    return { products, summary }
  }, [])
  const gap = t('gap.volume')
  const columns = useMemo<GridColumn<ProductRow>[]>(
    () => [
      { id: 'name', header: t('costs.product'), value: (r) => r.name },
      { id: 'center', header: t('costs.center'), value: (r) => r.centerName },
      { id: 'area', header: t('costs.area'), value: (r) => (r.area ? t(`area.${r.area}`, { defaultValue: r.area }) : null), hidden: true },
      { id: 'type', header: t('costs.typeHeader'), value: (r) => t(`costs.type.${r.type}`, { defaultValue: r.type }) },
      { id: 'core', header: t('costs.core'), value: (r) => r.core, kind: 'boolean' },
      { id: 'users', header: t('products.users'), value: (r) => r.users.map((u) => t(`products.user.${u}`, { defaultValue: u })).join(', ') },
      { id: 'volume', header: t('costs.volume'), value: (r) => r.volume, kind: 'number', sum: true, gap: (r) => (r.volumeGap || r.volume === null ? gap : null) },
      { id: 'unit', header: t('costs.volumeUnit'), value: (r) => r.volumeUnit },
      { id: 'frequency', header: t('products.frequency'), value: (r) => (r.frequency ? t(`products.freq.${r.frequency}`, { defaultValue: r.frequency }) : null) },
      { id: 'elaboration', header: t('products.elaboration'), value: (r) => r.elaborationTime, hidden: true },
      { id: 'process', header: t('products.process'), value: (r) => r.processSteps.join(' → ') },
      { id: 'problems', header: t('products.problems'), value: (r) => r.problems },
      { id: 'synergies', header: t('products.synergies'), value: (r) => r.synergies, hidden: true },
      { id: 'description', header: t('chains.description'), value: (r) => r.description, hidden: true },
      { id: 'status', header: t('products.status'), value: (r) => r.status, hidden: true },
      { id: 'updatedBy', header: t('products.updatedBy'), value: (r) => r.updatedBy, hidden: true },
    ],
    [t, gap],
  )
  const d = loaded.data
  return (
    <>
      <h1>{t('nav.productos')}</h1>
      <Loading error={loaded.error} loading={loaded.loading && !d} onRetry={loaded.reload} />
      {d && (
        <>
          <div className="cards">
            <Card label={t('summary.products')}><Figure kind="integer" value={d.summary.total.products} testId="products-total" /></Card>
            <Card label={t('summary.terminal')}><Figure kind="integer" value={d.summary.total.terminal} testId="products-terminal" /></Card>
            <Card label={t('summary.intermediate')}><Figure kind="integer" value={d.summary.total.intermediate} testId="products-intermediate" /></Card>
            <Card label={t('summary.core')}><Figure kind="integer" value={d.summary.total.core} testId="products-core" /></Card>
            <Card label={t('summary.volumeGaps')}><Figure kind="integer" value={d.summary.total.volumeGaps} testId="products-volume-gaps" /></Card>
          </div>
          <DataGrid id="products" caption={t('nav.productos')} columns={columns} rows={d.products} rowId={(r) => r.id} fileName="productos" pageSize={100}
            serverExport={{ path: '/api/catalog/products', fileName: 'productos' }} />
        </>
      )}
    </>
  )
}
