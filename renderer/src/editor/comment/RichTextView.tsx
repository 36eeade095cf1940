import type { ReactNode } from 'react';
import type { RichText } from '../../../../shared/model';
import { MAX_RICH_TEXT_DEPTH } from '../../../../shared/rich-text';
import { isAllowedLinkUrl } from './linkRule';
import { childrenOf, plainTextOf, type SerializedNode } from './richText';
import './comment.css';

const BOLD = 1;
const ITALIC = 2;
const STRIKETHROUGH = 4;
const UNDERLINE = 8;
const CODE = 16;

function renderText(node: SerializedNode, key: number): ReactNode {
  const text = typeof node.text === 'string' ? node.text : '';
  const format = typeof node.format === 'number' ? node.format : 0;
  let content: ReactNode = text;
  if (format & CODE) content = <code>{content}</code>;
  if (format & UNDERLINE) content = <u>{content}</u>;
  if (format & STRIKETHROUGH) content = <s>{content}</s>;
  if (format & ITALIC) content = <em>{content}</em>;
  if (format & BOLD) content = <strong>{content}</strong>;
  return <span key={key}>{content}</span>;
}

/** Two levels (a list and its item) per level of nesting a comment may have; the services refuse deeper ones. */
const MAX_RENDERED_DEPTH = 2 * MAX_RICH_TEXT_DEPTH + 2;

function renderNode(node: SerializedNode, key: number, depth: number): ReactNode {
  if (depth > MAX_RENDERED_DEPTH) return null;
  const children = () => childrenOf(node).map((child, index) => renderNode(child, index, depth + 1));
  switch (node.type) {
    case 'text':
      return renderText(node, key);
    case 'linebreak':
      return <br key={key} />;
    case 'paragraph':
    case 'heading':
    case 'quote':
      return <p key={key}>{children()}</p>;
    case 'list':
      return node.listType === 'number' ? <ol key={key}>{children()}</ol> : <ul key={key}>{children()}</ul>;
    case 'listitem': {
      const nestedOnly = childrenOf(node).every((child) => child.type === 'list');
      return (
        <li key={key} className={nestedOnly ? 'is-nested' : undefined}>
          {children()}
        </li>
      );
    }
    case 'link':
    case 'autolink': {
      const url = typeof node.url === 'string' ? node.url : '';
      // A link that breaks the rule (from an older file or another tool) is shown as its text only.
      return isAllowedLinkUrl(url) ? (
        <a key={key} href={url} target="_blank" rel="noreferrer noopener">
          {children()}
        </a>
      ) : (
        <span key={key}>{children()}</span>
      );
    }
    default:
      return <span key={key}>{children()}</span>;
  }
}

/** A comment as formatted text, read-only: built from its saved form without an editor, so a long thread is light. */
export function RichTextView({ body, emptyText = 'No comment.' }: { body: RichText | undefined; emptyText?: string }) {
  if (!body || plainTextOf(body) === '') return <p className="rich-text is-empty">{emptyText}</p>;
  return (
    <div className="rich-text">
      {childrenOf(body.root as SerializedNode).map((child, index) => renderNode(child, index, 1))}
    </div>
  );
}
