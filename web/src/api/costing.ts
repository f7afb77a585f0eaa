/** costing-service read models (GET /api/costing/...), as the pages use them. Amounts are exact decimals. */
export type Amount = string | number

export interface InstitutionCost {
  institutionId: string
  name: string
  currency: string
  method: 'CLASSIC' | 'INDIVIDUAL' | string
  totalCost: Amount
  payroll: Amount
  nonLabour: Amount
  terminalFullCost: Amount
  unattributedIntermediateCost: Amount
  unusedCost: Amount
  roundingResidue: Amount
  reconciled: boolean
  products: number
  volumeGaps: number
  employees: number
  overAllocatedEmployees: number
  centers: number
  allocatedHours: Amount
  contractedHours: Amount
  effectiveAt: string | null
  fiscalYear: number
  basis: 'ALL' | 'VALIDATED'
  provisional: boolean
}

export interface AreaLine {
  area: string
  centers: number
  employees: number
  products: number
  terminalProducts: number
  payroll: Amount
  totalCost: Amount
  unusedCost: Amount
}

export interface CoreProductLine {
  productId: string
  productName: string
  centerName: string
  volume: Amount | null
  volumeUnit: string | null
  direct: Amount
  fullCost: Amount
  fullUnitCost: Amount | null
}

export interface CostSummary {
  institution: InstitutionCost
  products: number
  terminalProducts: number
  intermediateProducts: number
  coreProducts: number
  volumeGaps: number
  centers: number
  employees: number
  participatingEmployees: number
  byArea: AreaLine[]
  coreProductCosts: CoreProductLine[]
}

export interface LabourRow {
  employeeId: string
  employeeName: string
  hours: Amount
  sharePercent: Amount
  labour: Amount
  unitCost: Amount | null
}

export interface ProductCost {
  productId: string
  productName: string
  centerId: string
  centerName: string
  type: 'TERMINAL' | 'INTERMEDIATE' | string
  core: boolean
  method: string
  rows: LabourRow[]
  hours: Amount
  labour: Amount
  nonLabour: Amount
  direct: Amount
  volume: Amount | null
  volumeUnit: string | null
  unitCost: Amount | null
  volumeGap: boolean
  fullCost: Amount
  fullUnitCost: Amount | null
  attributed: boolean
  effectiveAt: string | null
}

export interface EmployeeCost {
  employeeId: string
  employeeName: string
  position: string | null
  centerId: string
  centerName: string
  method: string
  capacityCost: Amount
  allocatedCost: Amount
  unusedCost: Amount
  contractedHours: Amount
  allocatedHours: Amount
  unusedHours: Amount
  overAllocated: boolean
  hourPrice: Amount
}

export interface CenterCost {
  centerId: string
  centerName: string
  area: string
  method: string
  employees: number
  payroll: Amount
  nonLabour: Amount
  totalCost: Amount
  allocatedCost: Amount
  unusedCost: Amount
  capacityHours: Amount
  allocatedHours: Amount
  overAllocated: boolean
}
