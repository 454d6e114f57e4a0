import { t } from '../../app/i18n.ts'
import type { PresentUser } from '../../collab/useAwarenessUsers.ts'

export function PresenceList({ users }: { users: PresentUser[] }) {
  return (
    <section className="presence" aria-labelledby="presence-title">
      <h2 id="presence-title" className="presence__title">
        {t('presentTitle')}
      </h2>
      <ul className="presence__list" data-testid="presence-list">
        {users.map((user) => (
          <li key={user.clientId} className="presence__user">
            <span className="presence__swatch" aria-hidden="true" data-color={user.color} ref={(el) => el?.style.setProperty('background-color', user.color)} />
            {user.name}
          </li>
        ))}
      </ul>
    </section>
  )
}
