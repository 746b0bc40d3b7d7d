import { useEffect, useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import { COCKTAIL_CARD, INDICATOR_CARD } from '~/canvas/cards/constants'
import { placeCard } from '~/canvas/cards/place'
import { cocktailSnapshot, indicatorSnapshot, type CardProfile } from '~/canvas/cards/snapshot'
import { useT } from '~/i18n/use-t'
import { cocktailLine } from '~/wijken/cocktail-text'
import { formatPeriod, valueWithUnitOrReason } from '~/wijken/format-view'

export const WIJK_PANEL_ID = 'wijkprofiel'

/**
 * The facilitator's side panel: the wijk's figures, each placeable as a card on the canvas.
 * Focus moves to its heading when it opens; Escape or "Sluiten" closes it (the page returns
 * focus to the button that opened it).
 */
export function WijkPanel({
  wijkCode,
  profile,
  editor,
  onClose,
}: {
  wijkCode: string
  /** null: the wijk code is not a known wijk. */
  profile: CardProfile | null
  editor: Editor | null
  onClose: () => void
}) {
  const { t, locale } = useT()
  const heading = useRef<HTMLHeadingElement>(null)
  const [status, setStatus] = useState('')
  useEffect(() => heading.current?.focus(), [])

  const place = (label: string, card: Parameters<typeof placeCard>[1]) => {
    if (!editor) return setStatus(t('cards.panel.notReady'))
    placeCard(editor, card)
    setStatus(t('cards.panel.placed', { label }))
  }

  return (
    <section
      id={WIJK_PANEL_ID}
      className="wijk-panel"
      aria-labelledby="wijkprofiel-titel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onClose()
        }
      }}
    >
      <div className="wijk-panel__head">
        <h2 id="wijkprofiel-titel" ref={heading} tabIndex={-1}>
          {t('cards.panel.title', { name: profile?.name ?? wijkCode })}
        </h2>
        <button type="button" className="wijk-panel__close" onClick={onClose}>
          {t('cards.panel.close')}
        </button>
      </div>
      {profile ? (
        <>
          <p className="wijk-panel__intro">{t('cards.panel.intro')}</p>
          <div className="wijk-panel__cocktail">
            <p>
              <strong>{t('cards.cocktail.title')}</strong>:{' '}
              <span data-testid="panel-cocktail">{cocktailLine(profile.cocktail, locale)}</span>
            </p>
            <button
              type="button"
              className="button"
              onClick={() =>
                place(t('cards.cocktail.title'), { type: COCKTAIL_CARD, props: cocktailSnapshot(profile) })
              }
            >
              {t('cards.panel.cocktail')}
            </button>
          </div>
          <h3>{t('cards.panel.indicators')}</h3>
          <ul className="wijk-panel__list">
            {profile.indicators.map((r) => {
              const label = r.label[locale]
              const value = valueWithUnitOrReason(
                r.value,
                r.value === null ? (r.reason ?? 'no-data') : null,
                r.unit,
                r.decimals,
                locale,
              )
              return (
                <li key={r.code} data-indicator={r.code}>
                  <span className="wijk-panel__label">{label}</span>
                  <span className={r.value === null ? 'wijk-panel__reason' : 'wijk-panel__value'}>{value}</span>
                  <span className="wijk-panel__period">
                    {[
                      r.period ? formatPeriod(r.period, locale) : null,
                      r.level === 'gemeente' ? t('cards.panel.gemeenteLevel') : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  <button
                    type="button"
                    className="wijk-panel__place"
                    aria-label={t('cards.panel.placeLabel', { label })}
                    onClick={() => {
                      const props = indicatorSnapshot(profile, r.code)
                      if (props) place(label, { type: INDICATOR_CARD, props })
                    }}
                  >
                    {t('cards.panel.place')}
                  </button>
                </li>
              )
            })}
          </ul>
          <p className="wijk-panel__source">{panelSources(profile.indicators, t)}</p>
        </>
      ) : (
        <p role="alert">{t('cards.panel.unknown', { code: wijkCode })}</p>
      )}
      <p className="wijk-panel__status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  )
}

/**
 * The panel's sources: CBS (with its licence) for the CBS figures, and each organisation's own
 * table it lists (their cards name them too), so the footer never credits CBS for someone else's.
 */
function panelSources(
  indicators: CardProfile['indicators'],
  t: (key: 'cards.panel.attribution' | 'cards.panel.ownSources', vars?: Record<string, string>) => string,
): string {
  const own = [...new Set(indicators.flatMap((r) => (r.own ? [`${r.own.organisation}, ${r.own.title}`] : [])))]
  return [
    indicators.some((r) => !r.own) ? t('cards.panel.attribution') : null,
    own.length ? t('cards.panel.ownSources', { sources: own.join('; ') }) : null,
  ]
    .filter(Boolean)
    .join(' · ')
}
