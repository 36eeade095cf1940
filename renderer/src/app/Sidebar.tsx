import type { Ref } from 'react';
import type { AppInfo } from '../../../shared/api';
import type { Settings } from '../../../shared/model';
import { ROLE_LABELS } from '../../../shared/vocabulary';
import { Avatar } from '../ui/Avatar';
import { AppMark, DocumentIcon, LibraryIcon, SettingsIcon, UserIcon } from '../ui/icons';
import type { Screen } from './useNavigation';

export interface SidebarProps {
  screen: Screen;
  settings: Settings | undefined;
  info: AppInfo | undefined;
  onShowLibrary: () => void;
  onOpenSettings: () => void;
  settingsButtonRef: Ref<HTMLButtonElement>;
}

/** The app's name, where the person is, who they are, and the way to settings. */
export function Sidebar({ screen, settings, info, onShowLibrary, onOpenSettings, settingsButtonRef }: SidebarProps) {
  const user = settings?.user;
  const hasName = Boolean(user?.name.trim());
  return (
    <aside className="sidebar">
      <div className="brand">
        <AppMark />
        <span className="brand-name">Policy Review Workstation</span>
      </div>

      <nav aria-label="Main" className="sidebar-nav">
        <ul>
          <li>
            <button
              type="button"
              className="nav-item"
              aria-current={screen.name === 'library' ? 'page' : undefined}
              onClick={onShowLibrary}
            >
              <LibraryIcon size={18} />
              <span>Library</span>
            </button>
          </li>
          {screen.name === 'review' && (
            <li className="nav-current-review">
              <span className="nav-section-label">Open review</span>
              <span className="nav-item is-static" aria-current="page">
                <DocumentIcon size={18} />
                <span className="nav-item-text">{screen.title}</span>
              </span>
            </li>
          )}
        </ul>
      </nav>

      <div className="sidebar-footer">
        <div className="user-card">
          {hasName && user ? (
            <Avatar name={user.name} />
          ) : (
            <span className="avatar avatar-md avatar-empty" aria-hidden="true">
              <UserIcon />
            </span>
          )}
          <div className="user-card-text">
            <span className="user-card-name">{hasName && user ? user.name : 'Name not set'}</span>
            <span className="user-card-role">{user ? ROLE_LABELS[user.role] : '\u00a0'}</span>
          </div>
        </div>
        <button
          ref={settingsButtonRef}
          type="button"
          className="nav-item"
          onClick={onOpenSettings}
          disabled={!settings}
        >
          <SettingsIcon size={18} />
          <span>Settings</span>
          {settings && !hasName && <span className="nav-dot" title="Your name is not set" />}
        </button>
        {info && <p className="app-version">Version {info.version}</p>}
      </div>
    </aside>
  );
}
