import { z } from 'zod'
import { dangerStatuses, isIsoDate } from './danger-status.ts'

// The zod side of the danger rules, apart from them so the web client (which imports the
// statuses and labels) does not bundle zod.
export const dangerStatusSchema = z.enum(dangerStatuses)

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'must be a date written YYYY-MM-DD' })
