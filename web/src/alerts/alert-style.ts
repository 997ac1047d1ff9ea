import { warningLevelStyle, warningLevels } from '../../../server/domain/risk/warning-level.ts'
import type { AlertLevel } from './alerts-api.ts'

export { warningLevels }

/** Fill and outline of a level's area (一级 red … 四级 blue, the national four colours). */
export const levelColour = (level: AlertLevel) => warningLevelStyle(level)

/** A maplibre `match` on the feature's level, giving the level's fill or outline colour. */
export const byLevel = (key: 'hex' | 'strokeHex') =>
  [
    'match',
    ['get', 'level'],
    ...warningLevels.flatMap((l) => [l, warningLevelStyle(l)[key]]),
    '#1D64D8',
  ] as unknown as string
