import { useCallback, useMemo } from 'react'
import { useLocale } from './locale.ts'
import { dictionaries, type Dictionary, type Locale, type MessageKey } from './messages.ts'

export type Vars = Record<string, string | number>
export type Translate = (key: MessageKey, vars?: Vars) => string

export function translate(dictionary: Dictionary, key: MessageKey, vars?: Vars): string {
  const template = dictionary[key]
  if (!vars) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  )
}

/** `t(key, vars)` in the current locale; components re-render when the locale changes. */
export function useT(): Translate {
  const locale = useLocale((s) => s.locale)
  return useCallback((key, vars) => translate(dictionaries[locale], key, vars), [locale])
}

/** Number formatting that follows the interface language (digit grouping, decimals). */
export function useNumberFormat(maximumFractionDigits = 1): (value: number) => string {
  const locale = useLocale((s) => s.locale)
  const format = useMemo(
    () => new Intl.NumberFormat(locale, { maximumFractionDigits }),
    [locale, maximumFractionDigits],
  )
  return useCallback((value: number) => format.format(value), [format])
}

export type { Locale, MessageKey }

/** Dates and times in the interface language; `date` alone for calendar days. */
export function useDateFormat(withTime = true): (iso: string) => string {
  const locale = useLocale((s) => s.locale)
  const format = useMemo(
    () =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        ...(withTime ? { timeStyle: 'short' } : {}),
      }),
    [locale, withTime],
  )
  return useCallback(
    (iso: string) => {
      const date = new Date(iso)
      return Number.isNaN(date.getTime()) ? iso : format.format(date)
    },
    [format],
  )
}
