import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import 'maplibre-gl/dist/maplibre-gl.css'
// Stylesheets in cascade order: the theme (tokens), the element base, then each capability's
// sheet in the order its rules override one another (the phone layout after the chrome and
// panels it adjusts; the features after the chrome).
import './theme/theme.css'
import './theme/base.css'
import './map/map.css'
import './chrome/chrome.css'
import './map/legend.css'
import './panels/attached-panel.css'
import './chrome/phone.css'
import './auth/auth.css'
import './panels/record-panels.css'
import './search/search.css'
import './incidents/report-form.css'
import './incidents/incident-list.css'
import './incidents/incident-drawers.css'
import './drills/drills.css'
import './editing/editing.css'
import './tools/tools.css'
import './plans/plans.css'
import './plans/plan-form.css'
import './alerts/alerts.css'
import { authKeys } from './api/auth.ts'
import { isApiProblem } from './api/http.ts'
import { App } from './App.tsx'
import { applyUrlToStores } from './state/url-sync.ts'

const queryClient: QueryClient = new QueryClient({
  // A 401 anywhere means the session ended (expired, signed out elsewhere): ask who we are
  // again, which shows the sign-in form and stops the registry queries.
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (isApiProblem(error) && error.status === 401 && query.queryKey[0] !== authKeys.all[0]) {
        void queryClient.invalidateQueries({ queryKey: authKeys.me() })
      }
    },
  }),
  defaultOptions: {
    queries: {
      // A 4xx will not change on retry; network blips and 5xx may.
      retry: (failures, error) =>
        !(isApiProblem(error) && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
})

applyUrlToStores()

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from index.html')

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
)
