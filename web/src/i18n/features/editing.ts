import { defineMessages } from '../define-messages.ts'

export const editingMessages = defineMessages({}, {})
