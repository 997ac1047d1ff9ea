/**
 * Incident types of the report form (事故快报) and the status steps of an incident. Pure
 * lists, so the database schema, the API schemas and the web form share one definition
 * without the web bundle pulling in drizzle.
 */
export const incidentTypes = [
  '火灾',
  '爆炸',
  '泄漏',
  '中毒窒息',
  '坍塌',
  '冒顶片帮',
  '透水',
  '瓦斯',
  '危化品运输',
  '道路交通',
  '其他',
] as const

export type IncidentType = (typeof incidentTypes)[number]

/** 接报 → 处置中 → 已控制 → 结案 */
export const incidentStatuses = ['reported', 'responding', 'controlled', 'closed'] as const
