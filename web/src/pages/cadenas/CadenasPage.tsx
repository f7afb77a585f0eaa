import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EChartsCoreOption } from 'echarts/core'
import { useApi } from '../../api/useApi'
import type { ValueChainsView } from '../../api/valuechain'
import { DataGrid } from '../../components/DataGrid'
import type { GridColumn } from '../../components/gridModel'
import { Loading } from '../../components/Money'
import { Chart } from '../../components/Charts'
import { formatDecimal } from '../../format/money'
import { parseDecimal, fromScaled } from '../../format/decimal'

/** One line of the seed's value-chain table: an intermediate of a chain, with everything above it. */
interface ChainLine {
  key: string
  impact: string
  result: string
  chainId: string
  chain: string
  terminal: string | null
  intermediate: string | null
  center: string | null
  description: string | null
  feeds: string | null
  weight: string | number | null
}

/** Page 4, Cadenas de valor: impact → result → terminal product → intermediates, as the seed's table and as a Sankey. */
export default function CadenasPage() {
  const { t } = useTranslation()
  const view = useApi<ValueChainsView>('/api/valuechain/views/value-chains')
  const [diagramChain, setDiagramChain] = useState('')

  const lines = useMemo<ChainLine[]>(() => {
    if (!view.data) return []
    return view.data.impacts.flatMap((i) =>
      i.results.flatMap((r) =>
        r.chains.flatMap((c): ChainLine[] => {
          const base = { impact: i.name, result: r.name, chainId: c.id, chain: c.name, terminal: c.terminalProduct?.name ?? null }
          if (c.intermediateProducts.length === 0)
            return [{ ...base, key: c.id, intermediate: null, center: c.terminalProduct?.center?.name ?? null, description: null, feeds: null, weight: null }]
          return c.intermediateProducts.map((p) => ({
            ...base,
            key: `${c.id}|${p.id}|${p.feedsProductId}`,
            intermediate: p.name,
            center: p.center?.name ?? null,
            description: p.description,
            feeds: p.feedsProductName ?? p.feedsProductId,
            weight: p.weight,
          }))
        }),
      ),
    )
  }, [view.data])

  const columns = useMemo<GridColumn<ChainLine>[]>(
    () => [
      { id: 'impact', header: t('chains.impact'), value: (r) => r.impact },
      { id: 'result', header: t('chains.result'), value: (r) => r.result },
      { id: 'chain', header: t('chains.chain'), value: (r) => r.chain, hidden: true },
      { id: 'terminal', header: t('chains.terminal'), value: (r) => r.terminal },
      { id: 'intermediate', header: t('chains.intermediate'), value: (r) => r.intermediate },
      { id: 'center', header: t('costs.center'), value: (r) => r.center },
      { id: 'description', header: t('chains.description'), value: (r) => r.description },
      { id: 'feeds', header: t('chains.feeds'), value: (r) => r.feeds, hidden: true },
      { id: 'weight', header: t('chains.weight'), value: (r) => r.weight, kind: 'number', decimals: 2 },
    ],
    [t],
  )

  const chains = useMemo(() => (view.data ? view.data.impacts.flatMap((i) => i.results.flatMap((r) => r.chains)) : []), [view.data])
  const option = useMemo(() => sankey(view.data, diagramChain, t('chains.weight')), [view.data, diagramChain, t])

  return (
    <>
      <h1>{t('nav.cadenas')}</h1>
      <Loading error={view.error} loading={view.loading && !view.data} onRetry={view.reload} />
      {view.data && (
        <>
          <div className="toolbar">
            <label>
              {t('chains.show')}{' '}
              <select data-testid="chains-diagram-chain" value={diagramChain} onChange={(e) => setDiagramChain(e.target.value)}>
                <option value="">{t('chains.all')}</option>
                {chains.map((c) => (
                  <option key={c.id} value={c.id}>{c.name}</option>
                ))}
              </select>
            </label>
          </div>
          <Chart testId="chains-sankey" label={t('chains.diagram')} option={option} height={Math.max(360, Math.min(1400, lines.length * 22))} />
          <h2>{t('chains.table')}</h2>
          <DataGrid id="chains" caption={t('chains.table')} columns={columns} rows={lines} rowId={(r) => r.key} fileName="cadenas-de-valor" pageSize={100}
            serverExport={{ path: '/api/valuechain/views/value-chains', fileName: 'cadenas-de-valor' }} />
        </>
      )}
    </>
  )
}

/**
 * Impact → result → terminal → intermediates as a Sankey; an intermediate's link carries its weight in what it
 * feeds, and the links above carry the sum of what flows below them (a chain without weights counts 1).
 */
function sankey(view: ValueChainsView | null, onlyChain: string, weightLabel: string): EChartsCoreOption {
  if (!view) return {}
  const nodes = new Map<string, { name: string; label: string; depth: number }>()
  const links = new Map<string, { source: string; target: string; value: number; weight: string | null }>()
  const node = (id: string, label: string, depth: number) => {
    if (!nodes.has(id)) nodes.set(id, { name: id, label, depth })
    return id
  }
  const link = (source: string, target: string, value: number, weight: string | null) => {
    const k = source + '→' + target
    const l = links.get(k)
    if (l) l.value += value
    else links.set(k, { source, target, value, weight })
  }
  for (const i of view.impacts)
    for (const r of i.results)
      for (const c of r.chains) {
        if (onlyChain && c.id !== onlyChain) continue
        const terminalId = c.terminalProduct ? 'p:' + c.terminalProduct.id : 'c:' + c.id
        const terminal = node(terminalId, c.terminalProduct?.name ?? c.name, 2)
        let flow = 0
        for (const p of c.intermediateProducts) {
          const w = parseDecimal(p.weight)
          const value = w === null || w <= 0n ? 1 : fromScaled(w)
          const feeds = p.feedsProductId === c.terminalProduct?.id ? terminal : node('p:' + p.feedsProductId, p.feedsProductName ?? p.feedsProductId, 3)
          const target = node('p:' + p.id, p.name, 3)
          if (feeds !== target) link(feeds, target, value, formatDecimal(p.weight, 2))
          if (feeds === terminal) flow += value
        }
        const impact = node('i:' + i.id, i.name, 0)
        const result = node('r:' + r.id, r.name, 1)
        link(result, terminal, flow || 1, null)
        link(impact, result, flow || 1, null)
      }
  const labels = new Map(Array.from(nodes.values()).map((n) => [n.name, n.label]))
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataType: string; data: { source?: string; target?: string; weight?: string | null }; name: string }) =>
        p.dataType === 'edge'
          ? `${labels.get(p.data.source!)} → ${labels.get(p.data.target!)}${p.data.weight ? ` (${weightLabel}: ${p.data.weight})` : ''}`
          : labels.get(p.name) ?? p.name,
    },
    series: [
      {
        type: 'sankey',
        // impacts, results and terminals in their columns; intermediates find theirs from the links (one feeds another)
        data: Array.from(nodes.values()).map((n) => (n.depth < 3 ? { name: n.name, depth: n.depth } : { name: n.name })),
        links: Array.from(links.values()),
        emphasis: { focus: 'adjacency' },
        nodeAlign: 'left',
        layoutIterations: 32,
        label: { formatter: (p: { name: string }) => { const l = labels.get(p.name) ?? p.name; return l.length > 42 ? l.slice(0, 40) + '…' : l } },
        edgeLabel: { show: true, formatter: (p: { data: { weight?: string | null } }) => p.data.weight ?? '' },
        lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.35 },
      },
    ],
  }
}
