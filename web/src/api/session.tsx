import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { api, ApiError } from './client'

/** Who is signed in, as the gateway reads it from the session (GET /api/session). */
export interface Session {
  name: string | null
  subject: string
  institution: string | null
  roles: string[]
}

const SessionContext = createContext<Session | null>(null)

export function useSession(): Session | null {
  return useContext(SessionContext)
}

export const SIGN_IN = '/oauth2/authorization/ppi'

/**
 * The page itself is public (index.html and its assets), the figures are not: without a session the app goes to the
 * platform's login and comes back here.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const [state, setState] = useState<{ session: Session | null; error: ApiError | null; signingIn: boolean }>({
    session: null,
    error: null,
    signingIn: false,
  })
  useEffect(() => {
    let live = true
    api
      .get<Session>('/api/session', {}, { asOf: false, redirectOn401: false })
      .then((session) => live && setState({ session, error: null, signingIn: false }))
      .catch((e: unknown) => {
        if (!live) return
        if (e instanceof ApiError && e.status === 401) {
          setState({ session: null, error: null, signingIn: true })
          window.location.assign(SIGN_IN)
        } else {
          setState({ session: null, error: e instanceof ApiError ? e : null, signingIn: false })
        }
      })
    return () => {
      live = false
    }
  }, [])
  if (state.session) return <SessionContext.Provider value={state.session}>{children}</SessionContext.Provider>
  if (state.error)
    return (
      <p role="alert" className="error">
        {t('app.error')}: {state.error.message}
      </p>
    )
  return (
    <p role="status" className="loading">
      {state.signingIn ? t('app.signingIn') : t('app.loading')}
    </p>
  )
}
