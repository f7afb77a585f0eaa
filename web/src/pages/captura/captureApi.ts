import { api } from '../../api/client'
import { fetchAll } from '../../api/useApi'
import { cellKey, hours, type CurrentValue, type MatrixModel, type MatrixProduct, type OwnValue } from './matrix'

/**
 * What the capture page reads and sends: the survey service's centers, employees, interviews and allocations and the
 * catalog's products (see survey-service InterviewController, EmployeeController, AllocationController and
 * catalog-service ProductCommandController / ProductQueryController). Capture always works on current data, so no
 * request carries the global "as of".
 */
export type InterviewStatus = 'OPEN' | 'VALIDATED'

export interface CenterRow {
  id: string
  name: string
  closed: boolean
  employees: number
}

export interface InterviewRow {
  id: string
  centerId: string
  centerName: string | null
  date: string | null
  interviewer: string | null
  participants: string[]
  status: InterviewStatus
  validatedOn: string | null
  allocations: number
  allocatedHours: number | string
  updatedBy: string | null
  updatedAt: string | null
}

export interface InterviewAllocation {
  employeeId: string
  employeeName: string | null
  productId: string
  productName: string | null
  hours: number | string
  correctionReason: string | null
  updatedBy: string | null
  updatedAt: string | null
}

export interface InterviewDetail extends Omit<InterviewRow, 'allocations'> {
  allocations: InterviewAllocation[]
}

export interface EmployeeRow {
  id: string
  centerId: string
  name: string
  position: string | null
  contractedHours: number | string
  allocatedHours: number | string
  active: boolean
}

export interface AllocationRow {
  employeeId: string
  productId: string
  productName: string | null
  interviewId: string | null
  hours: number | string
}

export const PRODUCT_TYPES = ['TERMINAL', 'INTERMEDIATE'] as const
export const USER_GROUPS = ['CITIZENS', 'OTHER_INSTITUTIONS', 'COMPANIES', 'INTERNAL_UNITS'] as const
export const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY', 'ON_DEMAND'] as const
export type ProductType = (typeof PRODUCT_TYPES)[number]
export type UserGroup = (typeof USER_GROUPS)[number]
export type Frequency = (typeof FREQUENCIES)[number]

export interface ProductRow {
  id: string
  centerId: string | null
  centerName: string | null
  name: string
  description: string | null
  type: ProductType
  core: boolean
  volume: number | string | null
  volumeUnit: string | null
  users: UserGroup[]
  frequency: Frequency | null
  elaborationTime: string | null
  processSteps: string[]
  problems: string | null
  synergies: string | null
  status: string
}

export function listCenters(): Promise<CenterRow[]> {
  return fetchAll<CenterRow>('/api/survey/centers', { sort: 'name' })
}

export function listInterviews(centerId: string): Promise<InterviewRow[]> {
  return fetchAll<InterviewRow>('/api/survey/interviews', { centerId, sort: 'date,desc' })
}

export function getInterview(id: string): Promise<InterviewDetail> {
  return api.get<InterviewDetail>(`/api/survey/interviews/${encodeURIComponent(id)}`, {}, { asOf: false })
}

export function listProducts(centerId?: string): Promise<ProductRow[]> {
  return fetchAll<ProductRow>('/api/catalog/products', { centerId, active: true, sort: 'name' })
}

/** Everything the matrix of one interview needs, read in parallel. */
export async function loadMatrix(interviewId: string, centerId: string): Promise<{
  interview: InterviewDetail
  model: MatrixModel
  centerProducts: ProductRow[]
}> {
  const [interview, employees, centerProducts, allocations] = await Promise.all([
    getInterview(interviewId),
    fetchAll<EmployeeRow>('/api/survey/employees', { centerId, active: true, sort: 'name' }),
    listProducts(centerId),
    fetchAll<AllocationRow>('/api/survey/allocations', { centerId }),
  ])
  return { interview, centerProducts, model: buildModel(interview, employees, centerProducts, allocations) }
}

/**
 * Columns: the center's active products, then any other product this interview or the center's current allocations
 * hold (a product of another center, a retired one still carrying hours), so no recorded hour is out of sight.
 */
export function buildModel(
  interview: InterviewDetail,
  employees: EmployeeRow[],
  centerProducts: ProductRow[],
  allocations: AllocationRow[],
): MatrixModel {
  const products: MatrixProduct[] = centerProducts.map((p) => ({ id: p.id, name: p.name }))
  const known = new Set(products.map((p) => p.id))
  const staff = new Set(employees.map((e) => e.id))
  const addColumn = (id: string, name: string | null) => {
    if (known.has(id)) return
    known.add(id)
    products.push({ id, name: name ?? id })
  }
  const own = new Map<string, OwnValue>()
  for (const a of interview.allocations) {
    own.set(cellKey(a.employeeId, a.productId), { hours: hours(a.hours), correctionReason: a.correctionReason })
    if (staff.has(a.employeeId)) addColumn(a.productId, a.productName)
  }
  const current = new Map<string, CurrentValue>()
  for (const a of allocations) {
    current.set(cellKey(a.employeeId, a.productId), { hours: hours(a.hours), interviewId: a.interviewId })
    if (staff.has(a.employeeId)) addColumn(a.productId, a.productName)
  }
  return {
    interviewId: interview.id,
    employees: employees.map((e) => ({
      id: e.id,
      name: e.name,
      position: e.position,
      contractedHours: hours(e.contractedHours),
    })),
    products,
    own,
    current,
    allocated: new Map(employees.map((e) => [e.id, hours(e.allocatedHours)])),
  }
}

export interface OpenInterviewForm {
  centerId: string
  date: string | null
  interviewer: string | null
  participants: string[]
}

export function openInterview(form: OpenInterviewForm): Promise<{ id: string }> {
  return api.post<{ id: string }>('/api/survey/interviews', form)
}

/**
 * The JSON number for exact hours: the scaled value divided once, correctly rounded, so for the few decimals hours
 * have the number's text is exactly the decimal typed (7.25 stays 7.25).
 */
export function hoursNumber(value: bigint): number {
  return Number(value) / 1e12
}

export function allocate(interviewId: string, employeeId: string, productId: string, value: bigint): Promise<void> {
  return api.put<void>(`/api/survey/interviews/${encodeURIComponent(interviewId)}/allocations`, {
    employeeId,
    productId,
    hours: hoursNumber(value),
  })
}

export function correct(
  interviewId: string,
  employeeId: string,
  productId: string,
  value: bigint,
  reason: string,
): Promise<void> {
  return api.post<void>(`/api/survey/interviews/${encodeURIComponent(interviewId)}/corrections`, {
    employeeId,
    productId,
    hours: hoursNumber(value),
    reason,
  })
}

export function validateInterview(interviewId: string, validatedOn: string | null): Promise<void> {
  return api.post<void>(`/api/survey/interviews/${encodeURIComponent(interviewId)}/validation`, {
    validatedOn: validatedOn || null,
  })
}

export interface ProductFeatures {
  description: string | null
  users: UserGroup[]
  frequency: Frequency | null
  elaborationTime: string | null
  processSteps: string[]
  problems: string | null
  synergies: string | null
}

export interface ProductRegistration extends ProductFeatures {
  centerId: string
  name: string
  type: ProductType
  core: boolean
  volume: number | null
  volumeUnit: string | null
}

const productPath = (id: string, part: string) => `/api/catalog/products/${encodeURIComponent(id)}/${part}`

export const productCommands = {
  register: (form: ProductRegistration) => api.post<{ id: string }>('/api/catalog/products', form),
  rename: (id: string, name: string) => api.put<void>(productPath(id, 'name'), { name }),
  retype: (id: string, type: ProductType, core: boolean) => api.put<void>(productPath(id, 'type'), { type, core }),
  changeVolume: (id: string, volume: number | null, volumeUnit: string | null) =>
    api.put<void>(productPath(id, 'volume'), { volume, volumeUnit }),
  reviseFeatures: (id: string, features: ProductFeatures) => api.put<void>(productPath(id, 'features'), features),
}

export const WRITER_ROLES = ['institution-admin', 'surveyor']
export const VALIDATOR_ROLES = ['institution-admin', 'center-manager']

function normalized(roles: readonly string[]): string[] {
  return roles.map((r) => (r.startsWith('ROLE_') ? r.slice(5) : r))
}

/** Who may do what here, as the services enforce it (README "### Roles"); the page only spares a refused click. */
export function permissions(roles: readonly string[] | undefined): { write: boolean; validate: boolean } {
  const mine = normalized(roles ?? [])
  return {
    write: mine.some((r) => WRITER_ROLES.includes(r)),
    validate: mine.some((r) => VALIDATOR_ROLES.includes(r)),
  }
}
