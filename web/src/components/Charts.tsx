import { useEffect, useRef } from 'react'
import * as echarts from 'echarts/core'
import { BarChart, PieChart, SankeyChart, TreeChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent, TitleComponent, AriaComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { EChartsCoreOption } from 'echarts/core'

// Modular ECharts: only the charts the pages draw, on canvas (no inline scripts, fine under CSP script-src 'self').
echarts.use([BarChart, PieChart, SankeyChart, TreeChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent,
  AriaComponent, CanvasRenderer])

const COMPACT = new Intl.NumberFormat('es-DO', { notation: 'compact', maximumFractionDigits: 1 })

export const PALETTE = ['#0b4f8a', '#c2571a', '#2f7d3a', '#7b3f99', '#a1213a', '#4f6d7a', '#b08a00', '#1f8a8a']

/** One chart; `label` is its accessible name, and the figures it draws are also in a table on the same page. */
export function Chart({ option, label, testId, height = 320 }: { option: EChartsCoreOption; label: string; testId: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  useEffect(() => {
    if (!ref.current) return
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas' })
    chart.current = c
    const resize = () => c.resize()
    const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(resize) : null
    observer?.observe(ref.current)
    return () => {
      observer?.disconnect()
      c.dispose()
      chart.current = null
    }
  }, [])
  useEffect(() => {
    chart.current?.setOption({ color: PALETTE, aria: { enabled: true }, ...option }, true)
  }, [option])
  return <div className="chart" role="img" aria-label={label} data-testid={testId} ref={ref} style={{ height }} />
}

/** A bar chart of labelled amounts (horizontal, so long product names stay readable). */
export function barOption(items: { name: string; value: number }[], format: (v: number) => string): EChartsCoreOption {
  const sorted = [...items].sort((a, b) => a.value - b.value)
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => format(Number(v)) },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    // Axis ticks in short form (12 M): full amounts side by side crowd a laptop-width card; the tooltip keeps them whole.
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => COMPACT.format(v), hideOverlap: true } },
    yAxis: { type: 'category', data: sorted.map((i) => (i.name.length > 40 ? i.name.slice(0, 38) + '…' : i.name)) },
    series: [{ type: 'bar', data: sorted.map((i) => i.value) }],
  }
}

export function pieOption(items: { name: string; value: number }[], format: (v: number) => string): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', valueFormatter: (v: unknown) => format(Number(v)) },
    legend: { bottom: 0 },
    // Shares inside the ring, names in the legend: outside labels get cut on a narrow card.
    series: [{ type: 'pie', radius: ['35%', '65%'], data: items, label: { position: 'inside', formatter: '{d}%', color: '#fff' } }],
  }
}
