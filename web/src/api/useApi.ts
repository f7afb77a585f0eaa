import { useCallback, useEffect, useState } from 'react'
import { api, ApiError, type Query } from './client'
import { useAsOf } from '../components/AsOfPicker'
import { useTranslation } from 'react-i18next'

export interface Loaded<T> {
  data: T | null
  error: ApiError | null
  loading: boolean
  reload: () => void
}

/**
 * Loads a query and loads it again when the global "as of", the language (messages of refusals) or the query
 * changes. The asOf parameter comes from the picker, so every page shows the figures of the same instant.
 */
export function useApi<T>(path: string | null, query: Query = {}): Loaded<T> {
  const key = JSON.stringify(query)
  // No path yet (nothing chosen): nothing to load, and nothing pending.
  return useLoader<T | null>(
    (asOf) => (path === null ? Promise.resolve(null) : api.get<T>(path, asOf ? { ...query, asOf } : query, { asOf: false })),
    [path, key],
  ) as Loaded<T>
}

export interface PageResponse<T> {
  items: T[]
  page: number
  size: number
  totalItems: number
  totalPages: number
  sort: string[]
}

export function itemsOf<T>(page: PageResponse<T> | T[] | null | undefined): T[] {
  if (!page) return []
  if (Array.isArray(page)) return page
  return page.items ?? []
}

/** Every item of a paged list (pages of the maximum size, 1000), for the grids that sort, filter and group locally. */
export async function fetchAll<T>(path: string, query: Query = {}): Promise<T[]> {
  const all: T[] = []
  for (let page = 0; ; page++) {
    const response = await api.get<PageResponse<T>>(path, { ...query, page, size: 1000 }, { asOf: false })
    all.push(...response.items)
    if (page + 1 >= response.totalPages || response.items.length === 0) return all
  }
}

/** Like useApi, for a loader that may combine several requests (it receives the asOf to pass on). */
export function useLoader<T>(load: (asOf: string | null) => Promise<T>, deps: unknown[]): Loaded<T> {
  const { asOf } = useAsOf()
  const { i18n } = useTranslation()
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  })
  const [tick, setTick] = useState(0)
  const reload = useCallback(() => setTick((t) => t + 1), [])
  useEffect(() => {
    let live = true
    setState((s) => ({ ...s, loading: true }))
    load(asOf)
      .then((data) => live && setState({ data, error: null, loading: false }))
      .catch((e: unknown) => {
        const error = e instanceof ApiError ? e : new ApiError({ status: 0, code: 'network', message: String(e) })
        if (live) setState({ data: null, error, loading: false })
      })
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asOf, i18n.language, tick, ...deps])
  return { ...state, reload }
}
