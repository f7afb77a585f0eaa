import { describe, expect, it } from 'vitest'
import { toPlainString } from '../../format/decimal'
import {
  applySaved,
  cellKey,
  columnTotal,
  heldElsewhere,
  hours,
  outsideHours,
  ownText,
  parseHoursInput,
  rowTotal,
  withProducts,
  type MatrixModel,
} from './matrix'
import { buildModel, hoursNumber, permissions, type InterviewDetail } from './captureApi'
import { capturaEn, capturaEs } from './i18n'

const h = (text: string) => hours(text)
const plain = (v: bigint) => toPlainString(v)

/** Ana (40 h contracted) and Beto (20 h) on two products; Ana also has 5 h on a product outside the table. */
function model(): MatrixModel {
  return {
    interviewId: 'I1',
    employees: [
      { id: 'E1', name: 'Ana', contractedHours: h('40') },
      { id: 'E2', name: 'Beto', contractedHours: h('20') },
    ],
    products: [
      { id: 'P1', name: 'Informe' },
      { id: 'P2', name: 'Atención' },
    ],
    own: new Map([
      [cellKey('E1', 'P1'), { hours: h('20') }],
      [cellKey('E2', 'P2'), { hours: h('10.5') }],
    ]),
    current: new Map([
      [cellKey('E1', 'P1'), { hours: h('20'), interviewId: 'I1' }],
      [cellKey('E1', 'P2'), { hours: h('8'), interviewId: 'I0' }],
      [cellKey('E2', 'P2'), { hours: h('10.5'), interviewId: 'I1' }],
    ]),
    // Ana: 20 + 8 + 5 outside = 33; Beto: 10.5
    allocated: new Map([
      ['E1', h('33')],
      ['E2', h('10.5')],
    ]),
  }
}

describe('what a cell reads', () => {
  it('reads hours with a dot or a comma, empty as 0, and refuses words', () => {
    expect(parseHoursInput('7.5')).toMatchObject({ ok: true, plain: '7.5' })
    expect(parseHoursInput(' 7,25 ')).toMatchObject({ ok: true, plain: '7.25' })
    expect(parseHoursInput('')).toMatchObject({ ok: true, plain: '0' })
    expect(parseHoursInput('.5')).toMatchObject({ ok: true, plain: '0.5' })
    // negative hours go to the API, which refuses them with its own message
    expect(parseHoursInput('-3')).toMatchObject({ ok: true, plain: '-3' })
    expect(parseHoursInput('siete').ok).toBe(false)
    expect(parseHoursInput('1,000.5').ok).toBe(false)
    expect(parseHoursInput('7..5').ok).toBe(false)
  })

  it('sends the number typed, not a float neighbour', () => {
    expect(JSON.stringify({ hours: hoursNumber(h('7.25')) })).toBe('{"hours":7.25}')
    expect(JSON.stringify({ hours: hoursNumber(h('0.1')) })).toBe('{"hours":0.1}')
    expect(JSON.stringify({ hours: hoursNumber(h('12.34')) })).toBe('{"hours":12.34}')
  })

  it("shows this interview's own value, and another interview's current value only as a hint", () => {
    const m = model()
    expect(ownText(m, 'E1', 'P1')).toBe('20')
    expect(ownText(m, 'E1', 'P2')).toBe('')
    expect(heldElsewhere(m, 'E1', 'P2')).toBe(h('8'))
    expect(heldElsewhere(m, 'E1', 'P1')).toBeNull()
  })
})

describe('row totals against contracted hours', () => {
  it('adds the hours outside the table to the current value of each column', () => {
    const m = model()
    expect(plain(outsideHours(m, 'E1'))).toBe('5')
    const ana = rowTotal(m, {}, m.employees[0])
    expect(plain(ana.total)).toBe('33')
    expect(plain(ana.difference)).toBe('-7')
    expect(ana.over).toBe(false)
  })

  it('counts what is being typed, and flags an over-allocation before anything is saved', () => {
    const m = model()
    // Ana types 28 over the 8 another interview holds: 20 + 28 + 5 = 53 > 40
    const typing = { [cellKey('E1', 'P2')]: '28' }
    const ana = rowTotal(m, typing, m.employees[0])
    expect(plain(ana.total)).toBe('53')
    expect(ana.over).toBe(true)
    expect(plain(ana.difference)).toBe('13')
    // exactly the contract is not over
    expect(rowTotal(m, { [cellKey('E1', 'P2')]: '15' }, m.employees[0]).over).toBe(false)
    expect(plain(rowTotal(m, { [cellKey('E1', 'P2')]: '15' }, m.employees[0]).difference)).toBe('0')
    // a draft that is not a number counts the saved value
    expect(plain(rowTotal(m, { [cellKey('E1', 'P2')]: 'x' }, m.employees[0]).total)).toBe('33')
  })

  it('adds decimals exactly', () => {
    const m = model()
    const typing = { [cellKey('E2', 'P1')]: '0.1', [cellKey('E2', 'P2')]: '0.2' }
    expect(plain(rowTotal(m, typing, m.employees[1]).total)).toBe('0.3')
    expect(plain(columnTotal(m, typing, 'P2'))).toBe('8.2')
  })
})

describe('a saved cell', () => {
  it('becomes this interview’s value and moves the employee’s total by the difference', () => {
    const m = applySaved(model(), 'E1', 'P2', h('12'))
    expect(ownText(m, 'E1', 'P2')).toBe('12')
    expect(m.current.get(cellKey('E1', 'P2'))).toEqual({ hours: h('12'), interviewId: 'I1' })
    expect(plain(m.allocated.get('E1')!)).toBe('37')
    expect(plain(rowTotal(m, {}, m.employees[0]).total)).toBe('37')
  })

  it('removes the allocation at 0', () => {
    const m = applySaved(model(), 'E2', 'P2', 0n)
    expect(ownText(m, 'E2', 'P2')).toBe('')
    expect(m.current.has(cellKey('E2', 'P2'))).toBe(false)
    expect(plain(m.allocated.get('E2')!)).toBe('0')
  })

  it('keeps the reason of a correction', () => {
    const m = applySaved(model(), 'E1', 'P1', h('18'), 'error de transcripción')
    expect(m.own.get(cellKey('E1', 'P1'))?.correctionReason).toBe('error de transcripción')
    expect(plain(m.allocated.get('E1')!)).toBe('31')
  })
})

describe('the columns', () => {
  const interview: InterviewDetail = {
    id: 'I1',
    centerId: 'C1',
    centerName: 'Centro',
    date: '2026-02-02',
    interviewer: null,
    participants: [],
    status: 'OPEN',
    validatedOn: null,
    allocatedHours: 20,
    allocations: [
      { employeeId: 'E1', employeeName: 'Ana', productId: 'PX', productName: 'De otro centro', hours: 4, correctionReason: null, updatedBy: 'u', updatedAt: null },
    ],
    updatedBy: null,
    updatedAt: null,
  }

  it("are the center's products, then the products this interview or the center's allocations hold", () => {
    const m = buildModel(
      interview,
      [{ id: 'E1', centerId: 'C1', name: 'Ana', position: null, contractedHours: 40, allocatedHours: 11, active: true }],
      [{ id: 'P1', name: 'Informe' } as never],
      [
        { employeeId: 'E1', productId: 'PX', productName: 'De otro centro', interviewId: 'I1', hours: 4 },
        { employeeId: 'E1', productId: 'PY', productName: 'Retirado', interviewId: 'I0', hours: '3.5' },
      ],
    )
    expect(m.products.map((p) => p.id)).toEqual(['P1', 'PX', 'PY'])
    // 11 allocated = 4 + 3.5 in the table + 3.5 outside
    expect(plain(outsideHours(m, 'E1'))).toBe('3.5')
    expect(plain(rowTotal(m, {}, m.employees[0]).total)).toBe('11')
  })

  it('take new products and new names without losing the others', () => {
    const m = withProducts(model(), [
      { id: 'P2', name: 'Atención al ciudadano' },
      { id: 'P3', name: 'Nuevo' },
    ])
    expect(m.products).toEqual([
      { id: 'P1', name: 'Informe' },
      { id: 'P2', name: 'Atención al ciudadano' },
      { id: 'P3', name: 'Nuevo' },
    ])
    const same = model()
    expect(withProducts(same, [{ id: 'P1', name: 'Informe' }])).toBe(same)
  })
})

describe('who may write', () => {
  it('follows the roles table: surveyor and institution-admin record, center-manager validates', () => {
    expect(permissions(['surveyor'])).toEqual({ write: true, validate: false })
    expect(permissions(['institution-admin'])).toEqual({ write: true, validate: true })
    expect(permissions(['center-manager'])).toEqual({ write: false, validate: true })
    expect(permissions(['authority', 'auditor'])).toEqual({ write: false, validate: false })
    expect(permissions(undefined)).toEqual({ write: false, validate: false })
  })
})

describe('messages', () => {
  it('has every Spanish key in English', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, prefix + k + '.') : [prefix + k]))
    expect(keys(capturaEn).sort()).toEqual(keys(capturaEs).sort())
  })
})
