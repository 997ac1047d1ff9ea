import { useEffect, useId, useRef, useState } from 'react'
import { useMe } from '../api/auth.ts'
import { UserBadgeCorner } from '../auth/AuthCorner.tsx'
import { LocaleSwitch } from '../i18n/LocaleSwitch.tsx'
import { useT } from '../i18n/use-t.ts'

/**
 * Who is signed in and the language switch. On a desktop the bar shows the user's name (the
 * badge with agency and sign-out drops down from it) and the switch; on a phone (CSS) both
 * fold behind one menu button so the map keeps the screen.
 */
export function AccountMenu() {
  const t = useT()
  const me = useMe().data
  const [open, setOpen] = useState(false)
  const itemsId = useId()
  const root = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false)
    }
    document.addEventListener('pointerdown', closeOutside)
    document.addEventListener('keydown', closeOnEscape)
    return () => {
      document.removeEventListener('pointerdown', closeOutside)
      document.removeEventListener('keydown', closeOnEscape)
    }
  }, [open])

  return (
    <div className="account-menu" ref={root} data-open={open}>
      <button
        type="button"
        className="account-menu__toggle"
        data-signed-in={me ? 'true' : 'false'}
        data-action="account-menu"
        aria-expanded={open}
        aria-controls={itemsId}
        aria-label={t('chrome.menu')}
        title={t('chrome.menu')}
        onClick={() => setOpen(!open)}
      >
        <svg
          className="account-menu__icon"
          width="20"
          height="20"
          viewBox="0 0 20 20"
          aria-hidden="true"
        >
          <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" />
        </svg>
        {me && (
          <span className="account-menu__name" aria-hidden="true">
            {me.displayName}
            <span className="account-menu__chevron">▾</span>
          </span>
        )}
      </button>
      <div className="account-menu__items" id={itemsId}>
        <UserBadgeCorner />
        <LocaleSwitch />
      </div>
    </div>
  )
}
