import { useTranslation } from 'react-i18next'

export default function CostosPage() {
  const { t } = useTranslation()
  return <h1>{t('nav.costos')}</h1>
}
