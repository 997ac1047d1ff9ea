import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fourColourPalette, fourColours } from '../../../server/domain/risk/four-colours.ts'

const theme = readFileSync(new URL('./theme.css', import.meta.url), 'utf8')
const token = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(theme)?.[1]

describe('theme tokens', () => {
  it('draws the four level colours with the domain palette’s exact values', () => {
    for (const colour of fourColours) {
      expect(token(`level-${colour}`)?.toUpperCase(), colour).toBe(fourColourPalette[colour].hex)
    }
  })
})
