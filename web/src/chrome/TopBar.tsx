import { LiveToolbar } from '../live/LiveToolbar.tsx'
import { SearchBox } from '../search/SearchBox.tsx'
import { MapToolbar } from '../tools/MapToolbar.tsx'
import { AccountMenu } from './AccountMenu.tsx'
import { Brand } from './Brand.tsx'

/**
 * One bar across the top: brand and search, the command and map toolbars, then the user and
 * language. The cards below it (legend, incident list) start under it, so none covers a button.
 */
export function TopBar() {
  return (
    <header className="topbar">
      <Brand />
      <SearchBox />
      <div className="topbar__actions">
        <LiveToolbar />
        <MapToolbar />
      </div>
      <AccountMenu />
    </header>
  )
}
