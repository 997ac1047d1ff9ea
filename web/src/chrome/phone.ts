/** The phone layout's breakpoint; chrome/phone.css (and the phone rules of other sheets) use the same `max-width: 600px`. */
export const PHONE_QUERY = '(max-width: 600px)'

/** Whether the screen is phone-sized now (cards that start collapsed there read this once). */
export const isPhoneWidth = () =>
  typeof window !== 'undefined' && window.matchMedia(PHONE_QUERY).matches
