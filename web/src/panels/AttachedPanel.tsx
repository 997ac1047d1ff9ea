import { useCallback, useId, useLayoutEffect, useRef, type ReactNode } from 'react'
import { useMapContext } from '../map/map-context.ts'
import { useT } from '../i18n/use-t.ts'
import { usePanels, type LngLatTuple } from '../state/panels.ts'
import { SHEET_QUERY, useMediaQuery } from './use-media-query.ts'

export interface AttachedPanelProps {
  /** The panel's id in `usePanels`: stacking and bring-to-front go through the store. */
  id: string
  /** The map point the panel describes; the panel follows it as the map moves. */
  anchor: LngLatTuple
  title: ReactNode
  children: ReactNode
  onClose: () => void
  pinned: boolean
  onPin: (pinned: boolean) => void
  /** Another panel's id: when it is open, lay this one beside it (right if it fits, else left). */
  beside?: string
}

const GAP = 36 // between the anchor and the panel edge, room for the leader line
const MARGIN = 10 // kept free at the viewport edges
const HEADER_OFFSET = 24 // the anchor sits level with the title

const clamp = (value: number, min: number, max: number) =>
  Math.min(Math.max(value, min), Math.max(min, max))

/** What a panel must not cover: the corner cards (legend, open incidents) and marked tools. */
const AVOID = '.corner > *, [data-panel-avoid]'

/**
 * The horizontal span free for a panel w wide at rows [y, y + h): the viewport less the floating
 * cards beside those rows (a card right of the centre bounds it on the right, and so on).
 * When that leaves too little room, the whole width: better over a card than off screen.
 */
function freeColumn(container: HTMLElement, y: number, w: number, h: number, width: number) {
  const box = container.getBoundingClientRect()
  let left = MARGIN
  let right = width - MARGIN
  for (const el of document.querySelectorAll(AVOID)) {
    const r = el.getBoundingClientRect()
    if (r.width === 0 || r.height === 0) continue
    if (r.bottom - box.top <= y || r.top - box.top >= y + h) continue
    const l = r.left - box.left
    const rr = r.right - box.left
    if (l + rr > width) right = Math.min(right, l - MARGIN)
    else left = Math.max(left, rr + MARGIN)
  }
  return right - left >= w ? { left, right } : { left: MARGIN, right: width - MARGIN }
}

/**
 * The panel every map feature opens: attached to its anchor with a leader line, kept
 * inside the viewport, following the map as it pans and zooms. On narrow screens it is a
 * bottom sheet instead. Position is written straight to the DOM on each map `move`, so
 * panning does not re-render React.
 */
export function AttachedPanel({
  id,
  anchor,
  title,
  children,
  onClose,
  pinned,
  onPin,
  beside,
}: AttachedPanelProps) {
  const t = useT()
  const { map } = useMapContext()
  const sheet = useMediaQuery(SHEET_QUERY)
  const order = usePanels((s) => s.panels.find((p) => p.id === id)?.order ?? 0)
  const bringToFront = usePanels((s) => s.bringToFront)
  const titleId = useId()
  const panelRef = useRef<HTMLElement>(null)
  const leaderRef = useRef<SVGSVGElement>(null)
  const [lng, lat] = anchor

  const place = useCallback(() => {
    const panel = panelRef.current
    const leader = leaderRef.current
    if (!panel || !leader) return
    if (sheet) {
      panel.style.transform = ''
      leader.style.display = 'none'
      return
    }
    const container = map.getContainer()
    const width = container.clientWidth
    const height = container.clientHeight
    const w = panel.offsetWidth
    const h = panel.offsetHeight
    const p = map.project([lng, lat])

    // Right of the anchor when it fits, else left; the header level with the anchor. The
    // offset does not depend on the height, so the panel stays put while content loads.
    // Never under the top bar: its buttons stay reachable while a panel is open.
    const bar = document.querySelector('.topbar')?.getBoundingClientRect()
    const top = Math.max(0, (bar?.bottom ?? 0) - container.getBoundingClientRect().top) + MARGIN
    const y = clamp(p.y - HEADER_OFFSET, top, height - h - MARGIN)
    const { left, right } = freeColumn(container, y, w, h, width)
    let x = p.x + GAP
    if (x + w > right && p.x - GAP - w >= left) x = p.x - GAP - w
    const other = beside
      ? document.querySelector(`[data-panel-id="${CSS.escape(beside)}"]`)?.getBoundingClientRect()
      : undefined
    if (other && other.width > 0) {
      const box = container.getBoundingClientRect()
      const l = other.left - box.left
      x = other.right - box.left + MARGIN
      if (x + w > width - MARGIN && l - MARGIN - w >= MARGIN) x = l - MARGIN - w
      x = clamp(x, MARGIN, width - MARGIN - w)
    } else {
      x = clamp(x, left, right - w)
    }
    panel.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`

    // The leader runs from the anchor to the nearest point of the panel's edge.
    const ex = clamp(p.x, x, x + w)
    const ey = clamp(p.y, y, y + h)
    const inside = ex === p.x && ey === p.y
    leader.style.display = inside ? 'none' : ''
    const [line, dot] = [leader.children[0], leader.children[1]]
    line?.setAttribute('x1', String(p.x))
    line?.setAttribute('y1', String(p.y))
    line?.setAttribute('x2', String(ex))
    line?.setAttribute('y2', String(ey))
    dot?.setAttribute('cx', String(p.x))
    dot?.setAttribute('cy', String(p.y))
  }, [map, lng, lat, sheet, beside])

  // After every render: new content changes the size before the browser paints.
  useLayoutEffect(place)

  useLayoutEffect(() => {
    map.on('move', place)
    map.on('resize', place)
    // Late size changes (fonts, the window) reach us here.
    const observer = new ResizeObserver(place)
    if (panelRef.current) observer.observe(panelRef.current)
    return () => {
      map.off('move', place)
      map.off('resize', place)
      observer.disconnect()
    }
  }, [map, place])

  return (
    <>
      <svg
        ref={leaderRef}
        className="panel-leader"
        style={{ zIndex: order * 2 }}
        aria-hidden="true"
      >
        <line />
        <circle r="4.5" />
      </svg>
      <section
        ref={panelRef}
        className="attached-panel"
        role="dialog"
        aria-labelledby={titleId}
        data-panel-id={id}
        data-pinned={pinned}
        style={{ zIndex: order * 2 + 1 }}
        onPointerDown={() => bringToFront(id)}
        onFocus={() => bringToFront(id)}
      >
        <header className="attached-panel__header">
          <h2 id={titleId} className="attached-panel__title">
            {title}
          </h2>
          <button
            type="button"
            className="icon-button"
            data-action="pin"
            aria-pressed={pinned}
            aria-label={pinned ? t('panel.unpin') : t('panel.pin')}
            title={pinned ? t('panel.unpin') : t('panel.pin')}
            onClick={() => onPin(!pinned)}
          >
            <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
              <path
                d="M10.5 1.5 14.5 5.5 12 6.5 9.5 9 9.5 12.5 3.5 6.5 7 6.5 9.5 4Z M6.5 9.5 2 14"
                fill={pinned ? 'currentColor' : 'none'}
                stroke="currentColor"
                strokeWidth="1.4"
                strokeLinejoin="round"
              />
            </svg>
          </button>
          <button
            type="button"
            className="icon-button"
            data-action="close"
            aria-label={t('panel.close')}
            title={t('panel.close')}
            onClick={onClose}
          >
            <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
              <path
                d="M3.5 3.5 12.5 12.5 M12.5 3.5 3.5 12.5"
                stroke="currentColor"
                strokeWidth="1.8"
              />
            </svg>
          </button>
        </header>
        <div className="attached-panel__body">{children}</div>
      </section>
    </>
  )
}
