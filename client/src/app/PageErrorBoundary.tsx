import { Component, type ReactNode } from 'react'
import { t } from './i18n.ts'

interface PageErrorBoundaryState {
  failed: boolean
}

/**
 * A page that fails to render says so and offers a reload, with the header still there to go
 * elsewhere, instead of React unmounting the whole app into a blank window. What others stored
 * is on the server either way; a reload reads it again.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, PageErrorBoundaryState> {
  override state: PageErrorBoundaryState = { failed: false }

  static getDerivedStateFromError(): PageErrorBoundaryState {
    return { failed: true }
  }

  override componentDidCatch(error: unknown): void {
    console.error('The page failed to render:', error)
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return (
      <main className="page" id="main">
        <div role="alert">
          <h1>{t('pageFailedTitle')}</h1>
          <p>{t('pageFailedText')}</p>
        </div>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('pageFailedReload')}
        </button>
      </main>
    )
  }
}
