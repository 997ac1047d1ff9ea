import { PNG } from 'pngjs'
import { expect, test } from './fixtures.ts'

/** Standard deviation of luminance: a blank or single-colour canvas is close to 0. */
function luminanceSpread(png: PNG): number {
  let sum = 0
  let sumSq = 0
  const n = png.width * png.height
  for (let i = 0; i < png.data.length; i += 4) {
    const l = 0.2126 * png.data[i]! + 0.7152 * png.data[i + 1]! + 0.0722 * png.data[i + 2]!
    sum += l
    sumSq += l * l
  }
  const mean = sum / n
  return Math.sqrt(Math.max(0, sumSq / n - mean * mean))
}

test('the map loads and draws something on its canvas', async ({ map }) => {
  // Given the app is opened
  await map.open()

  // Then the canvas shows boundaries and labels, not a flat colour
  const png = PNG.sync.read(await map.canvasScreenshot())
  expect(png.width).toBeGreaterThan(600)
  const spread = luminanceSpread(png)
  test.info().annotations.push({ type: 'luminance spread', description: spread.toFixed(2) })
  expect(spread).toBeGreaterThan(6)
})
