import { defineMessages } from '../define-messages.ts'

export const workspaceMessages = defineMessages({}, {})
