import { useTranslation } from 'react-i18next'

export default function CadenasPage() {
  const { t } = useTranslation()
  return <h1>{t('nav.cadenas')}</h1>
}
