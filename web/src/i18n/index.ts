import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { es } from './es'
import { en } from './en'
import { setRequestContext } from '../api/client'

/** Spanish first: the page starts in Spanish unless the user chose English before (kept in localStorage). */
export const LANGUAGE_KEY = 'ppi.language'

export function storedLanguage(): 'es' | 'en' {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'es'
  } catch {
    return 'es'
  }
}

export function setLanguage(language: 'es' | 'en'): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language)
  } catch {
    // private mode: the choice lasts for this page only
  }
  setRequestContext({ language })
  document.documentElement.lang = language
  void i18n.changeLanguage(language)
}

const initial = storedLanguage()
setRequestContext({ language: initial })
void i18n.use(initReactI18next).init({
  resources: { es: { translation: es }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'es',
  interpolation: { escapeValue: false },
  returnNull: false,
})

export default i18n
