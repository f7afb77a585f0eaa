import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FiscalYearInput } from './FiscalYearInput'

describe('FiscalYearInput', () => {
  afterEach(cleanup)

  it('shows the year the API answered for and applies a new one on Enter, once', async () => {
    const onChange = vi.fn()
    render(<FiscalYearInput id="y" label="Año fiscal" shown={2026} chosen={null} onChange={onChange} />)
    const input = screen.getByLabelText('Año fiscal') as HTMLInputElement
    expect(input.value).toBe('2026')
    await userEvent.clear(input)
    await userEvent.type(input, '2027{Enter}')
    expect(onChange).toHaveBeenCalledTimes(1)
    expect(onChange).toHaveBeenCalledWith(2027)
  })

  it('ignores a year out of range and the year already shown', async () => {
    const onChange = vi.fn()
    render(<FiscalYearInput id="y" label="Año fiscal" shown={2026} chosen={null} onChange={onChange} />)
    const input = screen.getByLabelText('Año fiscal')
    await userEvent.clear(input)
    await userEvent.type(input, '20026{Enter}')
    await userEvent.clear(input)
    await userEvent.type(input, '2026{Enter}')
    expect(onChange).not.toHaveBeenCalled()
  })
})
