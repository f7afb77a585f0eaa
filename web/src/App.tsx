import { lazy, Suspense } from 'react'
import { NavLink, Outlet, Route, Routes, useLocation } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { AsOfPicker, AsOfProvider } from './components/AsOfPicker'
import { StaleNotice } from './components/StaleNotice'
import { SessionGate, useSession } from './api/session'
import { LineageProvider } from './components/LineageDrawer'
import { logout } from './api/client'
import { setLanguage } from './i18n'

// One folder per page; each page loads on first visit so the first screen stays small.
const Resumen = lazy(() => import('./pages/resumen/ResumenPage'))
const Funciones = lazy(() => import('./pages/funciones/FuncionesPage'))
const Productos = lazy(() => import('./pages/productos/ProductosPage'))
const Cadenas = lazy(() => import('./pages/cadenas/CadenasPage'))
const Costos = lazy(() => import('./pages/costos/CostosPage'))
const Presupuesto = lazy(() => import('./pages/presupuesto/PresupuestoPage'))
const Captura = lazy(() => import('./pages/captura/CapturaPage'))
const Linaje = lazy(() => import('./pages/linaje/LinajePage'))

export const PAGES = [
  { path: '/', key: 'resumen', element: <Resumen /> },
  { path: '/funciones', key: 'funciones', element: <Funciones /> },
  { path: '/productos', key: 'productos', element: <Productos /> },
  { path: '/cadenas', key: 'cadenas', element: <Cadenas /> },
  { path: '/costos', key: 'costos', element: <Costos /> },
  { path: '/presupuesto', key: 'presupuesto', element: <Presupuesto /> },
  { path: '/captura', key: 'captura', element: <Captura /> },
  { path: '/linaje', key: 'linaje', element: <Linaje /> },
] as const

function Shell() {
  const { t, i18n } = useTranslation()
  const session = useSession()
  const location = useLocation()
  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <span className="brand" title={t('app.title')}>
          <strong>{t('app.short')}</strong> <span className="brand-long">{t('app.title')}</span>
        </span>
        <AsOfPicker />
        <div className="who">
          <span data-testid="session-user" title={t('app.user')}>
            {session?.name ?? session?.subject}
          </span>
          {session?.institution && (
            <span data-testid="session-institution" className="muted" title={t('app.institution')}>
              {session.institution}
            </span>
          )}
          <label className="visually-hidden" htmlFor="language">
            {t('app.language')}
          </label>
          <select
            id="language"
            data-testid="language"
            value={i18n.language === 'en' ? 'en' : 'es'}
            onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'es')}
          >
            <option value="es">Español</option>
            <option value="en">English</option>
          </select>
          <button type="button" data-testid="logout" onClick={logout}>
            {t('app.logout')}
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label={t('app.nav')}>
        <ul>
          {PAGES.map((p) => (
            <li key={p.key}>
              <NavLink to={{ pathname: p.path, search: location.search }} end data-testid={`nav-${p.key}`}>
                {t(`nav.${p.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <StaleNotice />
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  )
}

export function App() {
  return (
    <SessionGate>
      <AsOfProvider>
        <LineageProvider>
        <Routes>
          <Route element={<Shell />}>
            {PAGES.map((p) => (
              <Route key={p.key} path={p.path} element={p.element} />
            ))}
            <Route path="*" element={<Resumen />} />
          </Route>
        </Routes>
        </LineageProvider>
      </AsOfProvider>
    </SessionGate>
  )
}
