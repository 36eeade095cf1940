import type { EditorThemeClasses } from 'lexical';

/**
 * The class names Lexical puts on the document's elements; document.css styles them. Lists get a class per depth
 * so nested levels can be told apart (disc, circle, square; 1., a., i.).
 */
export const documentTheme: EditorThemeClasses = {
  paragraph: 'doc-paragraph',
  heading: { h1: 'doc-h1', h2: 'doc-h2', h3: 'doc-h3', h4: 'doc-h4', h5: 'doc-h5', h6: 'doc-h6' },
  quote: 'doc-quote',
  list: {
    ul: 'doc-list doc-ul',
    ol: 'doc-list doc-ol',
    ulDepth: ['doc-ul-1', 'doc-ul-2', 'doc-ul-3'],
    olDepth: ['doc-ol-1', 'doc-ol-2', 'doc-ol-3'],
    listitem: 'doc-li',
    nested: { listitem: 'doc-li-nested' },
  },
  table: 'doc-table',
  tableRow: 'doc-tr',
  tableCell: 'doc-td',
  tableCellHeader: 'doc-th',
  codeBlock: 'doc-code',
  note: 'doc-note',
  section: 'doc-section',
  mark: 'doc-mark',
  markOverlap: 'doc-mark-overlap',
};
