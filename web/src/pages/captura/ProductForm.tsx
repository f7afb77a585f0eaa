import { memo, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { parseDecimal, toPlainString } from '../../format/decimal'
import {
  FREQUENCIES,
  PRODUCT_TYPES,
  productCommands,
  USER_GROUPS,
  type Frequency,
  type ProductFeatures,
  type ProductRow,
  type ProductType,
  type UserGroup,
} from './captureApi'
import './i18n'

/** The fields of the form, as typed (strings), one per API field so a refusal's `field` points at one of them. */
interface Fields {
  name: string
  description: string
  type: ProductType
  core: boolean
  volume: string
  volumeUnit: string
  users: UserGroup[]
  frequency: Frequency | ''
  elaborationTime: string
  processSteps: string
  problems: string
  synergies: string
}

type Group = 'register' | 'name' | 'type' | 'volume' | 'features'

const EMPTY: Fields = {
  name: '',
  description: '',
  type: 'TERMINAL',
  core: false,
  volume: '',
  volumeUnit: '',
  users: [],
  frequency: '',
  elaborationTime: '',
  processSteps: '',
  problems: '',
  synergies: '',
}

function fieldsOf(p: ProductRow): Fields {
  const volume = parseDecimal(p.volume)
  return {
    name: p.name ?? '',
    description: p.description ?? '',
    type: p.type,
    core: p.core,
    volume: volume === null ? '' : toPlainString(volume),
    volumeUnit: p.volumeUnit ?? '',
    users: p.users ?? [],
    frequency: p.frequency ?? '',
    elaborationTime: p.elaborationTime ?? '',
    processSteps: (p.processSteps ?? []).join('\n'),
    problems: p.problems ?? '',
    synergies: p.synergies ?? '',
  }
}

const blankToNull = (s: string) => (s.trim() === '' ? null : s.trim())

/** The volume as a JSON number (the API refuses what is not one with its own message), null when empty. */
function volumeNumber(text: string): number | null {
  const t = text.trim().replace(',', '.')
  if (t === '') return null
  const n = Number(t)
  return Number.isFinite(n) ? n : NaN
}

function features(f: Fields): ProductFeatures {
  return {
    description: blankToNull(f.description),
    users: f.users,
    frequency: f.frequency || null,
    elaborationTime: blankToNull(f.elaborationTime),
    processSteps: f.processSteps
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    problems: blankToNull(f.problems),
    synergies: blankToNull(f.synergies),
  }
}

const GROUP_FIELDS: Record<Exclude<Group, 'register'>, (keyof Fields)[]> = {
  name: ['name'],
  type: ['type', 'core'],
  volume: ['volume', 'volumeUnit'],
  features: ['description', 'users', 'frequency', 'elaborationTime', 'processSteps', 'problems', 'synergies'],
}

export interface ProductFormProps {
  centerId: string
  products: ProductRow[]
  editable: boolean
  /** Called after an accepted command, with the product's id, so the page reloads the products and the matrix. */
  onChanged: (productId: string) => void
}

/**
 * Registers a product of the center, or revises one. A new product is one command (register); a revision saves each
 * part on its own (name, type, volume, features), each its own command with its own button, so a refusal names the
 * part it refused and the rest of the form keeps what was typed.
 */
export const ProductForm = memo(function ProductForm({ centerId, products, editable, onChanged }: ProductFormProps) {
  const { t } = useTranslation()
  const [selected, setSelected] = useState('')
  const [fields, setFields] = useState<Fields>(EMPTY)
  const [busy, setBusy] = useState<Group | null>(null)
  const [error, setError] = useState<{ group: Group; field: string | null; message: string } | null>(null)
  const [done, setDone] = useState<Group | null>(null)
  const product = products.find((p) => p.id === selected) ?? null

  const loaded = product !== null
  useEffect(() => {
    // A product just registered is selected before the reloaded list holds it: keep what was typed until it does.
    if (selected && !loaded) return
    setFields(product ? fieldsOf(product) : EMPTY)
    // Fill the form when another product is chosen or arrives, not when the list reloads after a revision.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, loaded])

  const choose = (id: string) => {
    setSelected(id)
    setError(null)
    setDone(null)
  }

  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => {
    setFields((f) => ({ ...f, [key]: value }))
    setDone(null)
  }

  const run = async (group: Group, command: () => Promise<string>) => {
    setBusy(group)
    setError(null)
    setDone(null)
    try {
      const id = await command()
      setDone(group)
      if (group === 'register') setSelected(id)
      onChanged(id)
    } catch (e: unknown) {
      const api = e instanceof ApiError ? e : null
      setError({ group, field: api?.field ?? null, message: e instanceof Error ? e.message : String(e) })
    } finally {
      setBusy(null)
    }
  }

  const register = () =>
    run('register', async () => {
      const { id } = await productCommands.register({
        centerId,
        name: fields.name.trim(),
        type: fields.type,
        core: fields.core,
        volume: volumeNumber(fields.volume),
        volumeUnit: blankToNull(fields.volumeUnit),
        ...features(fields),
      })
      return id
    })

  const save = (group: Exclude<Group, 'register'>) =>
    run(group, async () => {
      const id = selected
      if (group === 'name') await productCommands.rename(id, fields.name.trim())
      if (group === 'type') await productCommands.retype(id, fields.type, fields.core)
      if (group === 'volume') await productCommands.changeVolume(id, volumeNumber(fields.volume), blankToNull(fields.volumeUnit))
      if (group === 'features') await productCommands.reviseFeatures(id, features(fields))
      return id
    })

  /** The refusal's message beside the field it names; a refusal without a known field goes beside its button. */
  const fieldError = (field: keyof Fields) =>
    error && error.field === field ? (
      <span className="captura-field-error" role="alert" data-testid={`product-error-${field}`} id={`product-error-${field}`}>
        {error.message}
      </span>
    ) : null
  const groupError = (group: Group) => {
    if (!error || error.group !== group) return null
    const own = group === 'register' ? (Object.keys(EMPTY) as (keyof Fields)[]) : GROUP_FIELDS[group]
    if (error.field && own.includes(error.field as keyof Fields)) return null
    return (
      <span className="captura-field-error" role="alert" data-testid={`product-error-${group}`}>
        {error.message}
      </span>
    )
  }
  const invalid = (field: keyof Fields) => (error?.field === field ? { 'aria-invalid': true, 'aria-describedby': `product-error-${field}` } : {})
  const saveButton = (group: Exclude<Group, 'register'>, label: string): ReactNode =>
    product && (
      <div className="captura-save-line">
        <button type="button" data-testid={`product-save-${group}`} disabled={!editable || busy !== null} onClick={() => save(group)}>
          {busy === group ? t('captura.product.saving') : label}
        </button>
        {done === group && (
          <span className="captura-ok" role="status" data-testid={`product-saved-${group}`}>
            {t('captura.product.saved')}
          </span>
        )}
        {groupError(group)}
      </div>
    )

  return (
    <section className="captura-product-form" aria-labelledby="captura-product-legend">
      <h2 id="captura-product-legend">{t('captura.product.legend')}</h2>
      <div className="captura-form-grid">
        <label htmlFor="product-select">{t('captura.product.choose')}</label>
        <select id="product-select" data-testid="product-select" value={selected} onChange={(e) => choose(e.target.value)}>
          <option value="">{t('captura.product.new')}</option>
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>

        <label htmlFor="product-name">{t('captura.product.name')}</label>
        <div>
          <input id="product-name" data-testid="product-name" value={fields.name} readOnly={!editable} {...invalid('name')} onChange={(e) => set('name', e.target.value)} />
          {fieldError('name')}
          {saveButton('name', t('captura.product.saveName'))}
        </div>

        <label htmlFor="product-type">{t('captura.product.type')}</label>
        <div>
          <select id="product-type" data-testid="product-type" value={fields.type} disabled={!editable} {...invalid('type')} onChange={(e) => set('type', e.target.value as ProductType)}>
            {PRODUCT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`captura.product.types.${type}`)}
              </option>
            ))}
          </select>{' '}
          <label>
            <input type="checkbox" data-testid="product-core" checked={fields.core} disabled={!editable} {...invalid('core')} onChange={(e) => set('core', e.target.checked)} />{' '}
            {t('captura.product.core')}
          </label>
          {fieldError('type')}
          {fieldError('core')}
          {saveButton('type', t('captura.product.saveType'))}
        </div>

        <label htmlFor="product-volume">{t('captura.product.volume')}</label>
        <div>
          <input id="product-volume" data-testid="product-volume" inputMode="decimal" value={fields.volume} readOnly={!editable} {...invalid('volume')} onChange={(e) => set('volume', e.target.value)} />{' '}
          <label htmlFor="product-volume-unit" className="visually-hidden">
            {t('captura.product.volumeUnit')}
          </label>
          <input id="product-volume-unit" data-testid="product-volume-unit" placeholder={t('captura.product.volumeUnit')} value={fields.volumeUnit} readOnly={!editable} {...invalid('volumeUnit')} onChange={(e) => set('volumeUnit', e.target.value)} />
          {fieldError('volume')}
          {fieldError('volumeUnit')}
          {saveButton('volume', t('captura.product.saveVolume'))}
        </div>
      </div>

      <fieldset className="captura-features">
        <legend>{t('captura.product.features')}</legend>
        <div className="captura-form-grid">
          <label htmlFor="product-description">{t('captura.product.description')}</label>
          <div>
            <textarea id="product-description" data-testid="product-description" rows={2} value={fields.description} readOnly={!editable} {...invalid('description')} onChange={(e) => set('description', e.target.value)} />
            {fieldError('description')}
          </div>

          <span id="product-users-label">{t('captura.product.users')}</span>
          <div role="group" aria-labelledby="product-users-label">
            {USER_GROUPS.map((u) => (
              <label key={u} className="captura-check">
                <input
                  type="checkbox"
                  data-testid={`product-user-${u}`}
                  checked={fields.users.includes(u)}
                  disabled={!editable}
                  onChange={(e) => set('users', e.target.checked ? [...fields.users, u] : fields.users.filter((x) => x !== u))}
                />{' '}
                {t(`captura.product.userGroups.${u}`)}
              </label>
            ))}
            {fieldError('users')}
          </div>

          <label htmlFor="product-frequency">{t('captura.product.frequency')}</label>
          <div>
            <select id="product-frequency" data-testid="product-frequency" value={fields.frequency} disabled={!editable} onChange={(e) => set('frequency', e.target.value as Frequency | '')}>
              <option value="">{t('captura.product.noFrequency')}</option>
              {FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {t(`captura.product.frequencies.${f}`)}
                </option>
              ))}
            </select>
            {fieldError('frequency')}
          </div>

          <label htmlFor="product-elaboration-time">{t('captura.product.elaborationTime')}</label>
          <div>
            <input id="product-elaboration-time" data-testid="product-elaboration-time" value={fields.elaborationTime} readOnly={!editable} {...invalid('elaborationTime')} onChange={(e) => set('elaborationTime', e.target.value)} />
            {fieldError('elaborationTime')}
          </div>

          <label htmlFor="product-process-steps">{t('captura.product.processSteps')}</label>
          <div>
            <textarea id="product-process-steps" data-testid="product-process-steps" rows={3} value={fields.processSteps} readOnly={!editable} {...invalid('processSteps')} onChange={(e) => set('processSteps', e.target.value)} />
            {fieldError('processSteps')}
          </div>

          <label htmlFor="product-problems">{t('captura.product.problems')}</label>
          <div>
            <textarea id="product-problems" data-testid="product-problems" rows={2} value={fields.problems} readOnly={!editable} {...invalid('problems')} onChange={(e) => set('problems', e.target.value)} />
            {fieldError('problems')}
          </div>

          <label htmlFor="product-synergies">{t('captura.product.synergies')}</label>
          <div>
            <textarea id="product-synergies" data-testid="product-synergies" rows={2} value={fields.synergies} readOnly={!editable} {...invalid('synergies')} onChange={(e) => set('synergies', e.target.value)} />
            {fieldError('synergies')}
          </div>
        </div>
        {saveButton('features', t('captura.product.saveFeatures'))}
      </fieldset>

      {!selected && (
        <div className="captura-save-line">
          <button type="button" className="primary" data-testid="product-register" disabled={!editable || busy !== null} onClick={register}>
            {busy === 'register' ? t('captura.product.saving') : t('captura.product.register')}
          </button>
          {done === 'register' && (
            <span className="captura-ok" role="status" data-testid="product-saved-register">
              {t('captura.product.registered')}
            </span>
          )}
          {groupError('register')}
        </div>
      )}
    </section>
  )
})
