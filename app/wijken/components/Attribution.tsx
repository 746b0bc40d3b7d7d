import { useT } from '~/i18n/use-t'

/** "Bron: CBS, CC BY 4.0" with a link to CBS's terms; shown wherever CBS figures are. */
export function Attribution({ map = false }: { map?: boolean }) {
  const { t } = useT()
  return (
    <p className="wk-attribution" data-testid="attribution">
      <strong>{t('wijken.attribution')}</strong> {map ? <span>{t('wijken.attribution.map')} </span> : null}
      <a href="https://www.cbs.nl/nl-nl/over-ons/website/copyright" rel="noreferrer">
        {t('wijken.attribution.link')}
      </a>
    </p>
  )
}
