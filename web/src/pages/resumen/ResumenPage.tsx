import { useTranslation } from 'react-i18next'

export default function ResumenPage() {
  const { t } = useTranslation()
  return <h1>{t('nav.resumen')}</h1>
}
