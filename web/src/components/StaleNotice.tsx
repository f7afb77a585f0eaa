import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { staleFigures } from '../api/client'

/** While a projection has parked events of the institution, its figures stop before them: say so on every page. */
export function StaleNotice() {
  const { t } = useTranslation()
  const parked = useSyncExternalStore(staleFigures.subscribe, staleFigures.current)
  if (parked === 0) return null
  return (
    <p className="stale-notice" role="alert" data-testid="stale-notice">
      {t('app.stale', { count: parked })}
    </p>
  )
}
