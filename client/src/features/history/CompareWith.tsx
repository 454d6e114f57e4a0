import { useId } from 'react'
import { t } from '../../app/i18n.ts'
import { versionLabel, versionTime } from './versionLabel.ts'
import type { VersionSummary } from './versionsApi.ts'

/** Compare the selected version with the current text (the usual question) or with another version. */
export function CompareWith({ versions, selectedId, onCompare }: { versions: VersionSummary[]; selectedId: string; onCompare: (against: string) => void }) {
  const fieldId = useId()
  const others = versions.filter((version) => version.id !== selectedId)
  return (
    <div className="history-compare">
      <button type="button" className="button button--secondary" onClick={() => onCompare('current')}>
        {t('historyCompare')}
      </button>
      {others.length > 0 && (
        <div className="history-compare__other">
          <label htmlFor={fieldId}>{t('historyCompareWithLabel')}</label>
          <select
            id={fieldId}
            value=""
            onChange={(event) => {
              if (event.target.value) onCompare(event.target.value)
            }}
          >
            <option value="">{t('historyCompareChoose')}</option>
            {others.map((version) => (
              <option key={version.id} value={version.id}>
                {versionLabel(version)} ({versionTime(version)})
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  )
}
