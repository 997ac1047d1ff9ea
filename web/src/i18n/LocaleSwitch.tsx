import { useEffect } from 'react'
import { useLocale } from './locale.ts'
import { locales } from './messages.ts'
import { useT } from './use-t.ts'

/** The 中文/EN switch; also keeps <html lang> and the document title in step. */
export function LocaleSwitch() {
  const t = useT()
  const { locale, setLocale } = useLocale()

  useEffect(() => {
    document.documentElement.lang = locale
    document.title = `${t('app.title')} · ${t('app.subtitle')}`
  }, [locale, t])

  return (
    <div className="locale-switch" role="group" aria-label={t('locale.label')}>
      {locales.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          onClick={() => setLocale(option)}
        >
          {t(`locale.${option}`)}
        </button>
      ))}
    </div>
  )
}
