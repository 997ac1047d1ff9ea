import { monitorEventLoopDelay } from 'node:perf_hooks'

/**
 * Preloaded into the server by the soak (`node --import tsx --import ./server/ops/memory-probe.ts`)
 * so the heap can be sampled from outside without an endpoint in the app: the parent asks over
 * the IPC channel and gets process.memoryUsage() and the event-loop delay since the last ask.
 */
const delay = monitorEventLoopDelay({ resolution: 10 })
delay.enable()

process.on('message', (message) => {
  if (message !== 'memory?') return
  process.send?.({
    memory: process.memoryUsage(),
    eventLoopP99Ms: delay.percentile(99) / 1e6,
    eventLoopMaxMs: delay.max / 1e6,
  })
  delay.reset()
})
// The channel must not keep the process alive: the server decides when it exits.
process.channel?.unref()
