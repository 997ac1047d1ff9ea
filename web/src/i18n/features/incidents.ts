import { defineMessages } from '../define-messages.ts'

export const incidentsMessages = defineMessages({}, {})
