/**
 * The fiscal year a page's figures are about (the domain's clock, independent of the as-of instant). Shows the
 * year the API answered for; a new year is applied on Enter or when the field loses focus, so typing "2027"
 * does not query 2, 20 and 202 on the way.
 */
export function FiscalYearInput({ id, label, shown, chosen, onChange, max = 2200 }: {
  id: string
  label: string
  shown: number | undefined
  chosen: number | null
  onChange: (year: number) => void
  /** The last year the service accepts. */
  max?: number
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>{' '}
      <input id={id} data-testid={id} type="number" min={1900} max={max} step={1}
        key={shown ?? 'loading'} defaultValue={chosen ?? shown ?? ''}
        onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
        onBlur={(e) => {
          const next = Number(e.target.value)
          if (Number.isInteger(next) && next >= 1900 && next <= max && next !== (chosen ?? shown)) onChange(next)
        }} />
    </>
  )
}
