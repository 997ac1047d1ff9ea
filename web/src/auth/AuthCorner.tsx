import { useId, useState, type FormEvent } from 'react'
import type { Me } from '../../../server/routes/auth/auth.schemas.ts'
import { useLogin, useLogout, useMe } from '../api/auth.ts'
import { isApiProblem } from '../api/http.ts'
import { useT } from '../i18n/use-t.ts'

/** Shown while `/api/me` answers 401: the map stays usable, the registry waits for this. */
function LoginCard() {
  const t = useT()
  const login = useLogin()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const titleId = useId()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    login.mutate({ username: username.trim(), password })
  }

  let message: string | undefined
  if (login.error) {
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
      <button type="submit" className="button button--primary" disabled={login.isPending}>
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
