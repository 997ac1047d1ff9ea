import { z } from 'zod'
import { riskLevels } from './risk-level.ts'

// Apart from the levels and colours so the web client, which draws them, does not bundle zod.
export const riskLevelSchema = z.enum(riskLevels)
