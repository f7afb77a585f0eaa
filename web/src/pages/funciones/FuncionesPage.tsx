import { useTranslation } from 'react-i18next'

export default function FuncionesPage() {
  const { t } = useTranslation()
  return <h1>{t('nav.funciones')}</h1>
}
