import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ChecklistView } from '../../../../shared/api';
import type { Criterion } from '../../../../shared/model';
import { CloseIcon, SearchIcon } from '../../ui/icons';

export interface CriteriaPickerProps {
  checklist: ChecklistView | undefined;
  value: readonly string[];
  onChange: (criterionIds: string[]) => void;
  error?: string | undefined;
  disabled?: boolean;
  /** Focuses the search field when the picker appears. */
  autoFocus?: boolean;
}

function matches(criterion: Criterion, categoryLabel: string, words: string[]): boolean {
  const haystack = `${criterion.title} ${criterion.id} ${categoryLabel} ${criterion.question}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/**
 * Chooses one or more criteria: a search field (combobox) over the checklist's criteria grouped by category.
 * Typing or the arrow keys open the list; Enter adds or removes the highlighted criterion (and clears the
 * search for the next one), Escape closes the list and Backspace in the empty field removes the last one chosen.
 */
export function CriteriaPicker({
  checklist,
  value,
  onChange,
  error,
  disabled = false,
  autoFocus = false,
}: CriteriaPickerProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const criteria = useMemo(() => checklist?.criteria ?? [], [checklist]);
  const byId = useMemo(() => new Map(criteria.map((c) => [c.id, c])), [criteria]);
  const labelOf = (category: string) => checklist?.categories.find((c) => c.id === category)?.label ?? category;

  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const groups = (checklist?.categories ?? [])
    .map((category) => ({
      category,
      options: criteria.filter((c) => c.category === category.id && matches(c, category.label, words)),
    }))
    .filter((group) => group.options.length > 0);
  const options = groups.flatMap((group) => group.options);
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));
  const activeOption = open ? options[activeIndex] : undefined;
  const optionId = (criterionId: string) => `${id}-option-${criterionId.replace(/[^a-z0-9-]/gi, '_')}`;

  const toggle = (criterionId: string) =>
    onChange(value.includes(criterionId) ? value.filter((v) => v !== criterionId) : [...value, criterionId]);
  /** Chooses (or unchooses) an option; the search starts afresh for the next one. */
  const choose = (criterionId: string) => {
    toggle(criterionId);
    if (query) {
      setQuery('');
      setActive(0);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive(Math.min(activeIndex + 1, options.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive(Math.max(activeIndex - 1, 0));
        break;
      case 'Home':
      case 'End':
        if (open && options.length) {
          event.preventDefault();
          setActive(event.key === 'Home' ? 0 : options.length - 1);
        }
        break;
      case 'Enter':
        if (open && activeOption) {
          event.preventDefault();
          choose(activeOption.id);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
        } else if (query) {
          event.preventDefault();
          event.stopPropagation();
          setQuery('');
        }
        break;
      case 'Backspace':
        if (query === '' && value.length > 0) onChange(value.slice(0, -1));
        break;
    }
  };

  return (
    <div className={['field', 'criteria-picker', error ? 'has-error' : ''].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={inputId}>
        Criteria
      </label>
      <p id={hintId} className="field-hint">
        What the passage is judged against. Choose one or more.
      </p>
      {value.length > 0 && (
        <ul className="picked-criteria" aria-label="Chosen criteria">
          {value.map((criterionId) => {
            const criterion = byId.get(criterionId);
            const title = criterion?.title ?? criterionId;
            return (
              <li key={criterionId} className="criterion-chip">
                <span className="criterion-chip-text">
                  <span className="criterion-chip-category">{criterion ? labelOf(criterion.category) : ''}</span>
                  <span className="criterion-chip-title">{title}</span>
                </span>
                {!disabled && (
                  <button
                    type="button"
                    className="criterion-chip-remove"
                    aria-label={`Remove “${title}”`}
                    onClick={() => {
                      toggle(criterionId);
                      inputRef.current?.focus();
                    }}
                  >
                    <CloseIcon size={14} />
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div className="criteria-search">
        <SearchIcon className="search-field-icon" />
        <input
          ref={inputRef}
          id={inputId}
          className="input"
          type="text"
          role="combobox"
          autoComplete="off"
          autoFocus={autoFocus}
          placeholder="Search criteria by title, id or category"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? optionId(activeOption.id) : undefined}
          aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          disabled={disabled}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <div
          id={listId}
          role="listbox"
          aria-label="Criteria"
          aria-multiselectable="true"
          className="criteria-listbox"
          hidden={!open}
          // Focus stays in the field (the options are reached with the arrows); a scrolling list would take a Tab stop.
          tabIndex={-1}
          // Choosing with the pointer keeps focus (and the list) in the field.
          onMouseDown={(event) => event.preventDefault()}
        >
          {groups.length === 0 ? (
            <p className="criteria-empty">No criterion matches “{query}”.</p>
          ) : (
            groups.map(({ category, options: groupOptions }) => (
              <div
                key={category.id}
                role="group"
                aria-labelledby={`${id}-group-${category.id}`}
                className="criteria-group"
              >
                <p id={`${id}-group-${category.id}`} role="presentation" className="criteria-group-label">
                  {category.label}
                </p>
                {groupOptions.map((criterion) => {
                  const selected = value.includes(criterion.id);
                  const isActive = activeOption?.id === criterion.id;
                  return (
                    <div
                      key={criterion.id}
                      id={optionId(criterion.id)}
                      role="option"
                      aria-selected={selected}
                      className={['criteria-option', isActive ? 'is-active' : '', selected ? 'is-selected' : '']
                        .filter(Boolean)
                        .join(' ')}
                      onClick={() => {
                        if (query) choose(criterion.id);
                        else {
                          toggle(criterion.id);
                          setActive(options.indexOf(criterion));
                        }
                      }}
                    >
                      <span className="criteria-option-check" aria-hidden="true">
                        {selected ? '✓' : ''}
                      </span>
                      <span className="criteria-option-title">{criterion.title}</span>
                      <code className="criteria-option-id">{criterion.id}</code>
                    </div>
                  );
                })}
              </div>
            ))
          )}
        </div>
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
