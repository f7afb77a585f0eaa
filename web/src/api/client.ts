/**
 * The one way the page talks to the platform: same-origin fetch with the session cookie, the CSRF token from the
 * XSRF-TOKEN cookie echoed in X-XSRF-TOKEN on writes, the page's language in Accept-Language and the global
 * "as of" instant on every query. Refusals arrive in the platform's error format and are thrown as ApiError.
 */
export interface ApiErrorBody {
  status: number
  code: string
  field?: string | null
  message: string
  details?: ApiErrorBody[]
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly field: string | null
  readonly details: ApiErrorBody[]

  constructor(body: ApiErrorBody) {
    super(body.message)
    this.status = body.status
    this.code = body.code
    this.field = body.field ?? null
    this.details = body.details ?? []
  }
}

export interface RequestContext {
  language: string
  asOf: string | null
}

let context: RequestContext = { language: 'es', asOf: null }
let onUnauthenticated: () => void = () => {
  window.location.assign('/oauth2/authorization/ppi')
}

export function setRequestContext(next: Partial<RequestContext>): void {
  context = { ...context, ...next }
}

export function requestContext(): RequestContext {
  return context
}

export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler
}

export function readCookie(name: string): string | null {
  const prefix = name + '='
  for (const part of document.cookie.split(';')) {
    const c = part.trim()
    if (c.startsWith(prefix)) return decodeURIComponent(c.slice(prefix.length))
  }
  return null
}

export type Query = Record<string, string | number | boolean | null | undefined | string[]>

/** Builds `/api/...?...`, adding the global asOf unless the query sets it (null drops it). */
export function apiUrl(path: string, query: Query = {}, withAsOf = true): string {
  const params = new URLSearchParams()
  const merged: Query = withAsOf && context.asOf && !('asOf' in query) ? { ...query, asOf: context.asOf } : query
  for (const [k, v] of Object.entries(merged)) {
    if (v === null || v === undefined || v === '') continue
    if (Array.isArray(v)) v.forEach((x) => params.append(k, x))
    else params.append(k, String(v))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

/**
 * How many events a projection parked for the caller's institution, as the last answer said (PPI-Parked; 0 when
 * its figures are current). The pages show a notice while it is above 0.
 */
let parkedEvents = 0
const parkedListeners = new Set<() => void>()

export const staleFigures = {
  current: () => parkedEvents,
  subscribe(listener: () => void) {
    parkedListeners.add(listener)
    return () => {
      parkedListeners.delete(listener)
    }
  },
}

function noteStale(response: Response) {
  if (!response.url.includes('/api/costing') && !response.url.includes('/api/budget')) return
  const parked = response.headers.get('PPI-Stale') === 'true' ? Number(response.headers.get('PPI-Parked') ?? '1') || 1 : 0
  if (parked !== parkedEvents) {
    parkedEvents = parked
    parkedListeners.forEach((l) => l())
  }
}

async function send<T>(method: string, url: string, body?: unknown, redirectOn401 = true): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': context.language }
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = readCookie('XSRF-TOKEN')
    if (csrf) headers['X-XSRF-TOKEN'] = csrf
    if (body !== undefined) headers['Content-Type'] = 'application/json'
  }
  const response = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (response.status === 401 && redirectOn401) onUnauthenticated()
  noteStale(response)
  if (!response.ok) throw new ApiError(await errorBody(response))
  if (response.status === 204) return undefined as T
  const type = response.headers.get('Content-Type') ?? ''
  return (type.includes('json') ? await response.json() : await response.text()) as T
}

async function errorBody(response: Response): Promise<ApiErrorBody> {
  try {
    const body = await response.json()
    if (body && typeof body.code === 'string') return { status: response.status, ...body }
  } catch {
    // not the platform's format (a proxy or a crash page): fall through
  }
  return { status: response.status, code: 'http.' + response.status, message: response.statusText || String(response.status) }
}

/** Sends a file as the request body (a spreadsheet upload), with the session's CSRF token and the page's language. */
async function sendFile<T>(url: string, file: Blob): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': context.language,
    'Content-Type': 'application/octet-stream',
  }
  const csrf = readCookie('XSRF-TOKEN')
  if (csrf) headers['X-XSRF-TOKEN'] = csrf
  const response = await fetch(url, { method: 'POST', headers, credentials: 'same-origin', body: file })
  if (response.status === 401) onUnauthenticated()
  if (!response.ok) throw new ApiError(await errorBody(response))
  return (await response.json()) as T
}

/** A file the platform answered (a download): its bytes and the name its Content-Disposition gives. */
export interface DownloadedFile {
  blob: Blob
  fileName: string | null
}

/** The file name of a Content-Disposition header (`filename*=UTF-8''…` first, then `filename="…"`), or null. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim())
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(disposition)
  return plain ? (plain[1] ?? plain[2]).trim() : null
}

/**
 * GETs a file with the session (cookie), the page's language (the headers of a server export) and the usual
 * refusals: a 401 goes to the login, another error is thrown as ApiError in the platform's format.
 */
async function receiveFile(url: string): Promise<DownloadedFile> {
  const headers: Record<string, string> = { Accept: '*/*', 'Accept-Language': context.language }
  const response = await fetch(url, { method: 'GET', headers, credentials: 'same-origin' })
  if (response.status === 401) onUnauthenticated()
  noteStale(response)
  if (!response.ok) throw new ApiError(await errorBody(response))
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) }
}

export const api = {
  file: (path: string, query: Query = {}) => receiveFile(apiUrl(path, query, false)),
  upload: <T>(path: string, file: Blob, query: Query = {}) => sendFile<T>(apiUrl(path, query, false), file),
  get: <T>(path: string, query?: Query, opts: { asOf?: boolean; redirectOn401?: boolean } = {}) =>
    send<T>('GET', apiUrl(path, query, opts.asOf ?? true), undefined, opts.redirectOn401 ?? true),
  post: <T>(path: string, body?: unknown) => send<T>('POST', apiUrl(path, {}, false), body),
  put: <T>(path: string, body?: unknown) => send<T>('PUT', apiUrl(path, {}, false), body),
  patch: <T>(path: string, body?: unknown) => send<T>('PATCH', apiUrl(path, {}, false), body),
  delete: <T>(path: string) => send<T>('DELETE', apiUrl(path, {}, false)),
}

/** Logs out through the gateway (POST /logout with the CSRF token), which then ends the provider's session too. */
export function logout(): void {
  const form = document.createElement('form')
  form.method = 'POST'
  form.action = '/logout'
  const csrf = readCookie('XSRF-TOKEN')
  if (csrf) {
    const input = document.createElement('input')
    input.type = 'hidden'
    input.name = '_csrf'
    input.value = csrf
    form.appendChild(input)
  }
  document.body.appendChild(form)
  form.submit()
}
