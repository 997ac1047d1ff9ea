import { alertsMessages } from './features/alerts.ts'
import { authMessages } from './features/auth.ts'
import { chromeMessages } from './features/chrome.ts'
import { drillsMessages } from './features/drills.ts'
import { editingMessages } from './features/editing.ts'
import { incidentsMessages } from './features/incidents.ts'
import { plansMessages } from './features/plans.ts'
import { workspaceMessages } from './features/workspace.ts'

/** Every feature dictionary, merged into the core one by messages.ts. */
const features = [
  editingMessages,
  workspaceMessages,
  incidentsMessages,
  drillsMessages,
  chromeMessages,
  authMessages,
  plansMessages,
  alertsMessages,
] as const

type Merge<T extends readonly { zhCN: object }[]> = T extends readonly [
  infer Head extends { zhCN: object },
  ...infer Rest extends readonly { zhCN: object }[],
]
  ? Head['zhCN'] & Merge<Rest>
  : unknown

type FeatureZh = Merge<typeof features>

export const featureMessages = {
  zhCN: Object.assign({}, ...features.map((f) => f.zhCN)) as FeatureZh,
  en: Object.assign({}, ...features.map((f) => f.en)) as Record<keyof FeatureZh, string>,
}
