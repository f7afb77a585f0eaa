import { describe, expect, it } from 'vitest'
import { formatDecimal, formatMoney, formatPercent } from './money'
import { parseDecimal, sumDecimals, toPlainString } from './decimal'

describe('money as people read it (es-DO)', () => {
  it('prints RD$ with a space, comma groups and a dot for cents', () => {
    expect(formatMoney('49122.81')).toBe('RD$ 49,122.81')
    expect(formatMoney(1234567)).toBe('RD$ 1,234,567.00')
    expect(formatMoney('0')).toBe('RD$ 0.00')
    expect(formatMoney('-1234.5')).toBe('-RD$ 1,234.50')
  })

  it('rounds half-up to cents once, from the exact amount', () => {
    expect(formatMoney('49122.805')).toBe('RD$ 49,122.81')
    expect(formatMoney('49122.8049999')).toBe('RD$ 49,122.80')
    expect(formatMoney('0.005')).toBe('RD$ 0.01')
    expect(formatMoney('-0.005')).toBe('-RD$ 0.01')
    expect(formatMoney('-0.004')).toBe('RD$ 0.00')
    expect(formatMoney('999.995')).toBe('RD$ 1,000.00')
    // a float would print 1.00 for 1.005 (1.00499999…); the decimal string keeps the half
    expect(formatMoney('1.005')).toBe('RD$ 1.01')
    expect(formatMoney('1.23E+3')).toBe('RD$ 1,230.00')
  })

  it('never shows Infinity or NaN: a missing amount is a gap (null) for the page to flag', () => {
    expect(formatMoney(null)).toBeNull()
    expect(formatMoney(undefined)).toBeNull()
    expect(formatMoney(Infinity)).toBeNull()
    expect(formatMoney(NaN)).toBeNull()
    expect(formatMoney('Infinity')).toBeNull()
    expect(formatMoney('abc')).toBeNull()
  })

  it('formats hours and shares', () => {
    expect(formatDecimal('1234.5', 1)).toBe('1,234.5')
    expect(formatPercent('12.345')).toBe('12.35 %')
    expect(formatPercent('0.25', { points: false })).toBe('25.00 %')
  })
})

describe('exact sums', () => {
  it('adds decimals without binary float error and counts the missing', () => {
    const { sum, missing } = sumDecimals(['0.1', '0.2', 0.3, null, 'x'])
    expect(toPlainString(sum)).toBe('0.6')
    expect(missing).toBe(2)
    expect(formatMoney(sumDecimals(['16374.27', '16374.27', '16374.27']).sum)).toBe('RD$ 49,122.81')
  })

  it('parses what the API sends', () => {
    expect(parseDecimal('12.5')).toBe(12_500_000_000_000n)
    expect(parseDecimal(-3)).toBe(-3_000_000_000_000n)
    expect(parseDecimal('')).toBeNull()
  })
})
