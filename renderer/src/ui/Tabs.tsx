import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<Id extends string> {
  id: Id;
  label: string;
  icon?: ReactNode;
  /** A small count after the label, e.g. the number of criteria. */
  count?: number | undefined;
}

export interface TabsProps<Id extends string> {
  /** Names the tab list for assistive tech. */
  label: string;
  /** Prefix for the ids that tie each tab to its panel. */
  idBase: string;
  tabs: readonly TabItem<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
}

export const tabId = (idBase: string, id: string) => `${idBase}-tab-${id}`;
export const tabPanelId = (idBase: string, id: string) => `${idBase}-panel-${id}`;

/**
 * An ARIA tab list: one tab stop, the arrow keys move between tabs and select them, Home and End jump to the
 * first and last.
 */
export function Tabs<Id extends string>({ label, idBase, tabs, selected, onSelect }: TabsProps<Id>) {
  const listRef = useRef<HTMLDivElement>(null);

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const last = tabs.length - 1;
    const next: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const target = next[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const tab = tabs[target];
    if (!tab) return;
    onSelect(tab.id);
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(idBase, tab.id))}`)?.focus();
  };

  return (
    <div ref={listRef} role="tablist" aria-label={label} className="tabs" onKeyDown={move}>
      {tabs.map((tab) => {
        const isSelected = tab.id === selected;
        return (
          <button
            key={tab.id}
            id={tabId(idBase, tab.id)}
            type="button"
            role="tab"
            className="tab"
            aria-selected={isSelected}
            aria-controls={tabPanelId(idBase, tab.id)}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.icon}
            <span>{tab.label}</span>
            {tab.count !== undefined && <span className="tab-count">{tab.count}</span>}
          </button>
        );
      })}
    </div>
  );
}

export interface TabPanelProps {
  idBase: string;
  id: string;
  selected: boolean;
  children: ReactNode;
}

/** The panel a tab shows; hidden panels stay mounted so what was typed in them survives a tab switch. */
export function TabPanel({ idBase, id, selected, children }: TabPanelProps) {
  return (
    <div
      role="tabpanel"
      id={tabPanelId(idBase, id)}
      aria-labelledby={tabId(idBase, id)}
      hidden={!selected}
      tabIndex={0}
      className="tab-panel"
    >
      {children}
    </div>
  );
}
