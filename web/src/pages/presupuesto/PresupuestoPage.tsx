import { useTranslation } from 'react-i18next'

export default function PresupuestoPage() {
  const { t } = useTranslation()
  return <h1>{t('nav.presupuesto')}</h1>
}
