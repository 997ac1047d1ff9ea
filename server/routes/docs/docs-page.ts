/**
 * A self-contained API docs page: it reads /api/openapi.json and lists every operation
 * with its parameters and responses. Hosted Swagger UI would fetch scripts from a CDN,
 * and command halls are offline.
 */
export const docsPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>金安 Command API</title>
<style>
body{font:14px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#1d2733}
h2{border-bottom:1px solid #ccd;padding-bottom:.2rem;margin-top:2rem}
.op{border:1px solid #dde;border-radius:6px;padding:.6rem 1rem;margin:.6rem 0}
.m{font-weight:700;text-transform:uppercase;display:inline-block;width:4.5rem}
code{background:#f2f4f7;padding:0 .25rem;border-radius:3px}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;font-size:12px}
</style></head><body>
<h1>金安 Command API</h1>
<p>Machine-readable document: <a href="/api/openapi.json">/api/openapi.json</a>. Errors are <code>application/problem+json</code>.</p>
<div id="ops">Loading…</div>
<script src="/api/docs.js"></script></body></html>`

/** The page's script, served from /api/docs.js: the CSP allows no inline script. */
export const docsScript = `fetch('/api/openapi.json').then(r => r.json()).then(doc => {
  const byTag = {}
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const [method, op] of Object.entries(item)) {
      const tag = (op.tags && op.tags[0]) || 'other'
      ;(byTag[tag] = byTag[tag] || []).push({ path, method, op })
    }
  }
  const el = document.getElementById('ops')
  el.textContent = ''
  for (const [tag, ops] of Object.entries(byTag)) {
    const h = document.createElement('h2'); h.textContent = tag; el.appendChild(h)
    for (const { path, method, op } of ops) {
      const d = document.createElement('div'); d.className = 'op'
      const params = (op.parameters || []).map(p => p.in + ' ' + p.name + (p.required ? ' (required)' : '')).join(', ')
      d.innerHTML = '<span class="m"></span><code></code><div class="s"></div><div class="p"></div><pre></pre>'
      d.querySelector('.m').textContent = method
      d.querySelector('code').textContent = '/api' === path.slice(0, 4) ? path : path
      d.querySelector('.s').textContent = op.summary || ''
      d.querySelector('.p').textContent = params ? 'Parameters: ' + params : ''
      d.querySelector('pre').textContent = 'Responses: ' + Object.keys(op.responses || {}).join(', ')
        + (op.requestBody ? '\\nBody: ' + JSON.stringify(op.requestBody.content['application/json'].schema, null, 1).slice(0, 1500) : '')
      el.appendChild(d)
    }
  }
})
`
