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

export interface Lineage {
  figureKind: string
  figureId: string
  asOf: string | null
  events: LoggedEvent[]
  upstreamEventIds?: string[]
  fiscalYear?: number
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
