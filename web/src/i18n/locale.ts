import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { locales, type Locale } from './messages.ts'

interface LocaleState {
  locale: Locale
  setLocale: (locale: Locale) => void
}

/** The interface language, remembered per browser. Chinese is the default audience. */
export const useLocale = create<LocaleState>()(
  persist(
    (set) => ({
      locale: 'zh-CN',
      setLocale: (locale) => set({ locale }),
    }),
    {
      name: 'jinan.locale',
      storage: createJSONStorage(() => localStorage),
      // A stale or hand-edited value must not leave the UI without a dictionary.
      merge: (persisted, current) => {
        const locale = (persisted as Partial<LocaleState> | undefined)?.locale
        return locales.includes(locale as Locale)
          ? { ...current, locale: locale as Locale }
          : current
      },
    },
  ),
)
