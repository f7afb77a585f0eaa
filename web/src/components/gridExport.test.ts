import { describe, expect, it } from 'vitest'
import { csvCell, runsAsFormula } from './gridExport'

describe('CSV cells', () => {
  it.each(['=1+1', '+1+cmd', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '-', '--1'])('prefixes %j, which a spreadsheet would run', (s) => {
    expect(runsAsFormula(s)).toBe(true)
    expect(csvCell(s).replace(/^"/, '')).toMatch(/^'/)
  })

  it.each(['-12.5', '+3', '12.50', 'Informe', 'a=b', ''])('leaves %j alone', (s) => {
    expect(runsAsFormula(s)).toBe(false)
    expect(csvCell(s)).not.toMatch(/^'/)
  })

  it('writes numbers as numbers, even negative ones', () => {
    expect(csvCell(-12.5)).toBe('-12.5')
    expect(csvCell('=A1,B1')).toBe('"\'=A1,B1"')
  })
})
