import { lazy, type ComponentType } from 'react'

/**
 * A component of a module that is fetched the first time it is drawn, so the map opens on
 * the code it needs (map, layers, chrome) and panels, forms and tools follow on demand.
 * Vite turns each `import()` into its own chunk.
 */
export function onDemand<P extends object>(
  load: () => Promise<Record<string, unknown>>,
  name: string,
) {
  return lazy(async () => {
    const module = await load()
    return { default: module[name] as ComponentType<P> }
  })
}
