/**
 * Debian's Chromium, drawing WebGL on the CPU (SwiftShader). Without the background-networking
 * flags it tries to reach the internet at start, which a command hall does not have.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const chromiumArgs = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--no-sandbox',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
