import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import type { Me } from '../../../server/routes/auth/auth.schemas.ts'
import { useLogin, useLogout, useMe } from '../api/auth.ts'
import { isApiProblem } from '../api/http.ts'
import { useT } from '../i18n/use-t.ts'
import { retryAfterOf, secondsLeft } from './retry-after.ts'

/**
 * A countdown of whole seconds, started by `start(seconds)` (null stops it). It ticks once a
 * second and re-reads the clock each time rather than counting ticks, so a throttled
 * background tab still shows the right number.
 */
function useCountdown(): [secondsLeft: number, start: (seconds: number | null) => void] {
  const [clock, setClock] = useState<{ until: number; now: number } | null>(null)
  const until = clock?.until ?? null
  useEffect(() => {
    if (until === null) return
    const timer = setInterval(() => {
      const now = Date.now()
      setClock((c) => (c?.until === until ? { until, now } : c))
      if (now >= until) clearInterval(timer)
    }, 1000)
    return () => clearInterval(timer)
  }, [until])
  const start = useCallback((seconds: number | null) => {
    const now = Date.now()
    setClock(seconds === null ? null : { until: now + seconds * 1000, now })
  }, [])
  return [clock ? secondsLeft(clock.until, clock.now) : 0, start]
}

/** Shown while `/api/me` answers 401: the map stays usable, the registry waits for this. */
function LoginCard() {
  const t = useT()
  const login = useLogin()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  // The server's wait after a 429 for too many failed attempts.
  const [waitLeft, startCountdown] = useCountdown()
  const titleId = useId()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (waitLeft > 0) return
    login.mutate(
      { username: username.trim(), password },
      {
        onError: (error) => startCountdown(retryAfterOf(error)),
      },
    )
  }

  let message: string | undefined
  const throttled = retryAfterOf(login.error) !== null
  if (login.error && !throttled) {
    message =
      isApiProblem(login.error) && (login.error.status === 401 || login.error.status === 400)
        ? t('auth.failed')
        : t('auth.error', { detail: login.error.message })
  }

  return (
    <form className="login card" aria-labelledby={titleId} onSubmit={submit} data-testid="login">
      <h2 id={titleId} className="login__title">
        {t('auth.title')}
      </h2>
      <p className="login__intro">{t('auth.intro')}</p>
      <label className="login__field">
        <span>{t('auth.username')}</span>
        <input
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </label>
      <label className="login__field">
        <span>{t('auth.password')}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {message && (
        <p className="login__error" role="alert">
          {message}
        </p>
      )}
      {throttled && waitLeft > 0 && (
        // A timer, not an alert: an assertive region would be re-read every second.
        <p className="login__error" role="timer" data-testid="login-throttled">
          {t('auth.throttled', { seconds: waitLeft })}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary"
        disabled={login.isPending || waitLeft > 0}
      >
        {login.isPending ? t('auth.submitting') : t('auth.submit')}
      </button>
    </form>
  )
}

/** Who is signed in: name, agency and role, with sign-out. */
function UserBadge({ me }: { me: Me }) {
  const t = useT()
  const logout = useLogout()
  return (
    <section className="user-badge card" aria-label={t('auth.signedInAs')} data-testid="user-badge">
      <div className="user-badge__who">
        <span className="user-badge__name" data-field="display-name">
          {me.displayName}
        </span>
        <span className="user-badge__role" data-field="role">
          {t(`auth.role.${me.role}`)}
        </span>
      </div>
      <div className="user-badge__agency" data-field="agency">
        {me.agency.name}
      </div>
      <button
        type="button"
        className="link-button user-badge__signout"
        onClick={() => logout.mutate()}
        disabled={logout.isPending}
      >
        {t('auth.signOut')}
      </button>
    </section>
  )
}

/** The sign-in form while `/api/me` answers 401 (the card column of the chrome). */
export function LoginCorner() {
  const { data: me, isPending } = useMe()
  return isPending || me ? null : <LoginCard />
}

/** The signed-in user (the top bar, or the phone's menu). */
export function UserBadgeCorner() {
  const me = useMe().data
  return me ? <UserBadge me={me} /> : null
}
