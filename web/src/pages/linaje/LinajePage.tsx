import { useTranslation } from 'react-i18next'

export default function LinajePage() {
  const { t } = useTranslation()
  return <h1>{t('nav.linaje')}</h1>
}
