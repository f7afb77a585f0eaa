import { useTranslation } from 'react-i18next'

export default function ProductosPage() {
  const { t } = useTranslation()
  return <h1>{t('nav.productos')}</h1>
}
