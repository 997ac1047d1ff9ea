/**
 * A feature's own dictionary: zh-CN is the reference (its keys are the feature's message
 * keys) and the English record must cover exactly the same keys, checked by the compiler.
 */
export function defineMessages<const Z extends Record<string, string>>(
  zhCN: Z,
  en: Record<keyof Z, string>,
): { zhCN: Z; en: Record<keyof Z, string> } {
  return { zhCN, en }
}
