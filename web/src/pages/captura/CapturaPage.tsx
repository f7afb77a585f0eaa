import { useTranslation } from 'react-i18next'

/** Placeholder: the interview capture page (issue 12, page 7) is written on top of this branch. */
export default function CapturaPage() {
  const { t } = useTranslation()
  return <h1 data-testid="captura-soon">{t('captura.soon')}</h1>
}
