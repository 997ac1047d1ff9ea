import type { NearbyItem } from '../../api/nearby.ts'
import { useNearby } from '../../api/nearby.ts'
import { useLocale } from '../../i18n/locale.ts'
import { useT } from '../../i18n/use-t.ts'
import { useMapContext } from '../../map/map-context.ts'
import { GradeChip } from '../../panels/GradeChip.tsx'
import { useOpenRecordPanel } from '../../panels/open-record.ts'
import { formatDistance } from '../measure/measure-math.ts'
import { nearbyRadiusOptions, useNearbyTool } from './nearby-store.ts'

/** Zoom a row's record is shown at: its surroundings, with labels. */
const ROW_ZOOM = 14

function NearbyRow({ item }: { item: NearbyItem }) {
  const t = useT()
  const locale = useLocale((s) => s.locale)
  const { map } = useMapContext()
  const openRecord = useOpenRecordPanel()
  const distance = formatDistance(item.distanceM, locale)
  const kind = item.kind === 'hazard_source' ? 'hazard-source' : 'resource'
  return (
    <li>
      <button
        type="button"
        className="nearby__row"
        data-id={item.id}
        data-kind={item.kind}
        data-distance-m={item.distanceM}
        onClick={() => {
          map.flyTo({ center: item.location, zoom: Math.max(map.getZoom(), ROW_ZOOM) })
          void openRecord(kind, item.id)
        }}
      >
        <span className="nearby__distance">
          {distance.value} {distance.unit}
        </span>
        <span className="nearby__name">{item.name}</span>
        <span className="nearby__detail">
          {item.kind === 'hazard_source' ? (
            <>
              {t('nearby.hazardSource')} {item.grade && <GradeChip grade={item.grade} />}
            </>
          ) : (
            <>
              {item.resourceKind && t(`resource.kind.${item.resourceKind}`)}
              {item.status && ` · ${t(`resource.status.${item.status}`)}`}
            </>
          )}
        </span>
      </button>
    </li>
  )
}

/** The nearby results beside the map: radius, count, and the records nearest first. */
export function NearbyPanel() {
  const t = useT()
  const { center, radiusKm, picking, setRadius, close } = useNearbyTool()
  const { data, error, isFetching } = useNearby(
    center ? { lng: center[0], lat: center[1], radiusKm } : null,
  )

  let body
  if (picking && !center) body = <p className="tool-card__hint">{t('nearby.pickHint')}</p>
  else if (error) {
    body = (
      <p className="panel-status panel-status--error" role="alert">
        {t('nearby.error', { message: error.message })}
      </p>
    )
  } else if (!data || isFetching) body = <p className="tool-card__hint">{t('nearby.loading')}</p>
  else if (data.items.length === 0) body = <p className="tool-card__hint">{t('nearby.empty')}</p>
  else {
    body = (
      <>
        <p className="tool-card__hint" data-field="nearby-count">
          {data.truncated
            ? t('nearby.truncated', { count: data.items.length })
            : t('nearby.count', { count: data.items.length })}
        </p>
        <ol className="nearby__list">
          {data.items.map((item) => (
            <NearbyRow key={`${item.kind}:${item.id}`} item={item} />
          ))}
        </ol>
      </>
    )
  }

  return (
    <section className="tool-card nearby" data-testid="nearby-panel" aria-label={t('nearby.tool')}>
      <div className="tool-card__tabs">
        <h2 className="tool-card__title">{t('nearby.title', { km: radiusKm })}</h2>
        <button
          type="button"
          className="tool-card__close"
          aria-label={t('nearby.close')}
          title={t('nearby.close')}
          onClick={close}
        >
          ×
        </button>
      </div>
      <label className="nearby__radius">
        {t('nearby.radius')}
        <select
          value={radiusKm}
          onChange={(e) => setRadius(Number(e.target.value))}
          data-field="nearby-radius"
        >
          {nearbyRadiusOptions.map((km) => (
            <option key={km} value={km}>
              {km} km
            </option>
          ))}
        </select>
      </label>
      {body}
    </section>
  )
}
