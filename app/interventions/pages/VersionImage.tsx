import type { VersionSummary } from '~/interventions/types'
import { useT } from '~/i18n/use-t'

export const versionImageUrl = (interventionId: string, number: number, format: 'png' | 'svg' = 'png') =>
  `/api/v1/interventions/${interventionId}/versions/${number}/image.${format}`

/**
 * A version's picture (the PNG the browser made when it was saved). Never lazy: a report printed
 * to PDF right after loading must have every image.
 */
export function VersionImage({
  interventionId,
  version,
  className = 'iv-thumb',
}: {
  interventionId: string
  version: VersionSummary
  className?: string
}) {
  const { t } = useT()
  const alt = t('intervention-pages.version.imageAlt', { n: version.number, reason: version.reason })
  if (!version.hasPng && !version.hasSvg) {
    return <div className={`${className} iv-no-image`}>{t('intervention-pages.version.noImage')}</div>
  }
  return (
    <img
      className={className}
      src={versionImageUrl(interventionId, version.number, version.hasPng ? 'png' : 'svg')}
      alt={alt}
      loading="eager"
      decoding="sync"
    />
  )
}
