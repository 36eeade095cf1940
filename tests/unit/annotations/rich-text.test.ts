import { describe, expect, it } from 'vitest';
import type { RichText } from '../../../shared/model';
import {
  findRichTextProblem,
  linkUrlProblem,
  plainTextToRichText,
  richTextToPlainText,
} from '../../../shared/rich-text';

function root(...children: unknown[]): RichText {
  return { root: { type: 'root', children } };
}
const text = (value: string, extra: Record<string, unknown> = {}) => ({ type: 'text', text: value, ...extra });
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children });

describe('what a comment may contain', () => {
  it('accepts what the comment editor makes: formatted text, headings, quotes, nested lists, links and line breaks', () => {
    const body = root(
      { type: 'heading', tag: 'h2', children: [text('Summary', { format: 1 })] },
      paragraph(
        text('bold italic', { format: 3, style: '' }),
        { type: 'linebreak' },
        { type: 'autolink', url: 'https://example.org', children: [text('example.org')] },
      ),
      { type: 'quote', children: [text('quoted', { format: 'italic' })] },
      {
        type: 'list',
        listType: 'bullet',
        tag: 'ul',
        children: [
          {
            type: 'listitem',
            children: [
              text('one'),
              { type: 'list', listType: 'number', children: [{ type: 'listitem', children: [text('one.one')] }] },
            ],
          },
        ],
      },
    );
    expect(findRichTextProblem(body)).toBeUndefined();
  });

  it.each([
    ['an unknown element', root(paragraph({ type: 'image', src: 'x' })), /cannot hold a “image” element/],
    ['text straight in the root', root(text('loose')), /“text” element cannot be placed inside a “root”/],
    [
      'a list item outside a list',
      root(paragraph({ type: 'listitem', children: [] })),
      /“listitem” element cannot be placed inside a “paragraph”/,
    ],
    ['an unknown text format', root(paragraph(text('x', { format: 1 << 12 }))), /text format/],
    [
      'inline styles',
      root(paragraph(text('x', { style: 'background:url(https://tracker.example/p.gif)' }))),
      /cannot carry styles/,
    ],
    ['children on a text node', root(paragraph({ ...text('x'), children: [] })), /cannot have children/],
    ['children that are not a list', root({ type: 'paragraph', children: 'nope' }), /must be a list/],
  ])('refuses %s', (_what, body, message) => {
    expect(findRichTextProblem(body)?.message).toMatch(message);
  });

  it('says where in the comment the problem is', () => {
    expect(findRichTextProblem(root(paragraph(text('a')), paragraph(text('b'), { type: 'script' })))?.path).toBe(
      'root.children[1].children[1]',
    );
  });

  it('refuses nesting deeper than anyone types, before it can exhaust a renderer', () => {
    let node: Record<string, unknown> = { type: 'listitem', children: [text('deep')] };
    for (let i = 0; i < 40; i++) node = { type: 'listitem', children: [{ type: 'list', children: [node] }] };
    expect(findRichTextProblem(root({ type: 'list', children: [node] }))?.message).toMatch(/nested more than/);
  });
});

describe('link addresses', () => {
  it.each([
    'http://example.org',
    'https://example.org/path?q=1#x',
    'HTTPS://Example.org',
    'mailto:dpo@example.org',
    'MailTo:a@b.org?subject=Policy',
    ' https://example.org ',
  ])('allows %s', (url) => {
    expect(linkUrlProblem(url)).toBeUndefined();
  });

  it.each([
    ['javascript:alert(1)', /uses “javascript:”/],
    ['  JavaScript:alert(1)', /uses “javascript:”/],
    ['data:text/html;base64,PHNjcmlwdD4=', /uses “data:”/],
    ['vbscript:msgbox', /uses “vbscript:”/],
    ['file:///etc/passwd', /uses “file:”/],
    ['//evil.example/x', /not a full address/],
    ['guidance.html', /not a full address/],
    ['java\nscript:alert(1)', /control characters/],
    ['https://exa\u200bmple.org', /control characters/],
    ['https://', /no host name/],
    ['https:evil.example', /no host name/],
    ['mailto:', /not an email address/],
    ['https://example.org/a b', /contains spaces/],
    ['', /no address/],
  ])('refuses %j', (url, message) => {
    expect(linkUrlProblem(url)).toMatch(message);
  });
});

describe('comments as plain text', () => {
  it('reads paragraphs, line breaks, lists and links as lines of text', () => {
    const body = root(
      paragraph(
        text('First '),
        { type: 'link', url: 'https://example.org', children: [text('link')] },
        { type: 'linebreak' },
        text('second line'),
      ),
      {
        type: 'list',
        listType: 'number',
        children: [
          { type: 'listitem', children: [text('one')] },
          {
            type: 'listitem',
            children: [
              text('two'),
              { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [text('two.a')] }] },
            ],
          },
        ],
      },
    );
    expect(richTextToPlainText(body)).toBe('First link\nsecond line\n1. one\n2. two\n  - two.a');
  });

  it('turns typed text into a one-paragraph comment that reads back the same and passes the rules', () => {
    const body = plainTextToRichText('Line one\nLine two');
    expect(body.root.children).toHaveLength(1);
    expect(findRichTextProblem(body)).toBeUndefined();
    expect(richTextToPlainText(body)).toBe('Line one\nLine two');
  });
});
