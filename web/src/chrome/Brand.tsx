import { useT } from '../i18n/use-t.ts'

/** The product name; phones show the short form so the search keeps its width. */
export function Brand() {
  const t = useT()
  return (
    <div className="brand">
      <h1 className="brand__title">
        <span className="brand__full">{t('app.title')}</span>
        <span className="brand__short" aria-hidden="true">
          {t('chrome.brandShort')}
        </span>
      </h1>
      <p className="brand__subtitle">{t('app.subtitle')}</p>
    </div>
  )
}
