import './i18n'
