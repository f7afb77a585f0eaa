/** Shapes of the platform's answers the pages read (only the fields they use). */
export interface LoggedEvent {
  eventId: string
  topic: string
  name: string
  type: string
  recordedAt: string
  actingUser: string | null
  interviewId: string | null
  /** Why a correction, salary change, departure or closure was recorded. */
  reason?: string | null
  aggregateId: string | null
  causationId: string | null
}

/** A costing figure a budget figure rests on: followed through its own lineage down to the survey events. */
export interface CostingFigureRef {
  figureKind: 'PRODUCT' | 'INSTITUTION' | string
  figureId: string
  /** The costing event budget read. */
  costingEventId: string
  /** The survey, catalog or value-chain event that caused costing's figure. */
  causationEventId: string | null
  /** Where the costing figure's lineage is read, e.g. /api/costing/products/P1/lineage. */
  lineageRef: string
}

/** One page of the events behind a figure (oldest first), with the lineage's total size. */
export interface Lineage {
  figureKind: string
  figureId: string
  asOf: string | null
  events: LoggedEvent[]
  page: number
  size: number
  totalItems: number
  totalPages: number
  fiscalYear?: number
  /** Budget only: the same page of the costing figures the budget figure rests on. */
  costingFigures?: CostingFigureRef[]
  totalCostingFigures?: number
}

export interface RecalculationEntry {
  id: number
  fiscalYear: number | null
  figureKind: string
  figureKey: string
  measure: string
  oldValue: string | number | null
  newValue: string | number | null
  causationEventId: string
  causationType: string
  actingUser: string | null
  effectiveAt: string
}
