import { describe, expect, it } from 'vitest'
import { es } from './es'
import { en } from './en'

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, prefix + k + '.') : [prefix + k]))
}

describe('translations', () => {
  it('English has every Spanish key and no other', () => {
    expect(keys(en).sort()).toEqual(keys(es).sort())
  })
  it('no text is left empty or untranslated by mistake', () => {
    const flat = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'object' ? flat(v) : [v as string]))
    expect(flat(es).filter((s) => !s.trim())).toEqual([])
    expect(es.nav.costos).toBe('Costos')
    expect(en.nav.costos).toBe('Costs')
  })
})
