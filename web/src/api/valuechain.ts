/** valuechain-service views (GET /api/valuechain/views/...). */
export interface CenterRef { id: string; name: string }
export interface ProductCard {
  id: string
  name: string
  description: string | null
  type: string
  core: boolean
  active: boolean
  mergedInto: string | null
  center: CenterRef | null
}
export interface IntermediateNode {
  id: string
  name: string
  description: string | null
  active: boolean
  center: CenterRef | null
  feedsProductId: string
  feedsProductName: string | null
  weight: string | number | null
}
export interface ChainNode {
  id: string
  name: string
  resultId: string
  programId: string | null
  terminalProduct: ProductCard | null
  intermediateProducts: IntermediateNode[]
}
export interface ResultNode { id: string; name: string; description: string | null; indicator: string | null; chains: ChainNode[] }
export interface ImpactNode { id: string; name: string; description: string | null; indicator: string | null; results: ResultNode[] }
export interface ValueChainsView { impacts: ImpactNode[] }

export interface ActivityNode { id: string; name: string; kind: string; product: ProductCard | null }
export interface PlannedVolume { productId: string; fiscalYear: number; plannedVolume: string | number }
export interface ProgramNode {
  id: string
  code: string
  name: string
  expectedResult: string | null
  activities: ActivityNode[]
  chains: ChainNode[]
  plannedVolumes: PlannedVolume[]
}
export interface ProgrammaticStructure { programs: ProgramNode[]; unassignedChains: ChainNode[]; centralActions: ProductCard[] }

export function chainCount(view: ValueChainsView | null): number | null {
  if (!view) return null
  return view.impacts.reduce((n, i) => n + i.results.reduce((m, r) => m + r.chains.length, 0), 0)
}
