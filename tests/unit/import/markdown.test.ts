import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../electron/services/import/parsers/markdown';
import type { ParsedDocument } from '../../../electron/services/import/types';
import { headingsOf, parseWith, textsOf } from './support-parse';

/** The published TTS policies sit beside the repository (../shared/real-policies), not inside it. */
const REAL_POLICIES = fileURLToPath(new URL('../../../../shared/real-policies/', import.meta.url));
const realPoliciesAvailable = existsSync(REAL_POLICIES);

interface RealPolicy {
  file: string;
  title: string;
  headings: [number, string][];
  /** Some list items with the depth they must keep. */
  listItems: { text: string; depth: number }[];
}

const CODE_OF_CONDUCT_HEADINGS: [number, string][] = [
  [2, 'Introduction'],
  [2, 'What We Strive For'],
  [2, 'Unacceptable Behavior'],
  [3, 'Sexual and Non-Sexual Harassment'],
  [3, 'Conduct Unbecoming a Federal Employee'],
  [3, 'Other Unacceptable Behavior'],
  [2, 'Reporting violations'],
  [2, 'Credits'],
];

const SOCIAL_MEDIA_LIST = [
  { text: "Don't: @18F's Angela Colter is speaking at this event - make sure to sign up and go!", depth: 0 },
  {
    text: "Do: The GSA Administrator is speaking tomorrow: @codedotgov's Joe Castle speech on code.gov priorities @GovMatters",
    depth: 0,
  },
];

const POLICIES: RealPolicy[] = [
  {
    file: 'tts-social-media-2016-09.md',
    title: 'Social media',
    headings: [
      [2, 'Leadership'],
      [2, 'Communication'],
      [2, 'Twitter'],
      [3, 'TweetDeck'],
      [3, 'Tips and guidelines'],
      [2, 'Instagram'],
    ],
    listItems: [
      { text: '#admins-slack', depth: 0 },
      { text: '#desksof18f', depth: 0 },
    ],
  },
  { file: 'tts-social-media-2019-03.md', title: 'Social media', headings: [], listItems: SOCIAL_MEDIA_LIST },
  { file: 'tts-social-media-2020-06.md', title: 'Social media', headings: [], listItems: SOCIAL_MEDIA_LIST },
  { file: 'tts-social-media-2023-12.md', title: 'Social media', headings: [], listItems: SOCIAL_MEDIA_LIST },
  {
    file: 'tts-code-of-conduct-2020-07.md',
    title: 'Code of conduct',
    headings: [...CODE_OF_CONDUCT_HEADINGS, [2, 'Version']],
    listItems: [
      { text: "TTS's physical offices,", depth: 0 },
      { text: 'Office chat rooms, like Slack', depth: 1 },
      { text: 'race,', depth: 1 },
      {
        text: 'Retaliating against anyone who files a formal complaint that someone has violated GSA anti-harassment policies.',
        depth: 0,
      },
    ],
  },
  {
    file: 'tts-code-of-conduct-2023-03.md',
    title: 'Code of conduct',
    headings: [...CODE_OF_CONDUCT_HEADINGS, [2, 'Version']],
    listItems: [
      { text: 'Emoji, avatars, and other expressive reactions', depth: 1 },
      {
        text:
          'sex (with or without sexual conduct and including pregnancy and sexual orientation ' +
          'involving transgender status/gender identity, and sex-stereotyping)',
        depth: 1,
      },
      { text: 'Using emoji or creation of custom emoji for unacceptable behavior.', depth: 0 },
    ],
  },
  {
    file: 'tts-code-of-conduct-2025-02.md',
    title: 'Code of conduct',
    headings: CODE_OF_CONDUCT_HEADINGS,
    listItems: [
      { text: 'TTS physical offices,', depth: 0 },
      { text: 'sex,', depth: 1 },
      { text: 'or political affiliation.', depth: 1 },
    ],
  },
];

async function parseRealPolicy(file: string): Promise<ParsedDocument> {
  return parseWith(parseMarkdown, file, await readFile(join(REAL_POLICIES, file)));
}

function allText(parsed: ParsedDocument): string {
  return parsed.blocks.map((block) => block.text).join('\n\n');
}

function listItemsOf(parsed: ParsedDocument): { text: string; depth: number }[] {
  return parsed.blocks.flatMap((block) =>
    block.type === 'list-item' ? [{ text: block.text, depth: block.depth }] : [],
  );
}

const describeRealPolicies = realPoliciesAvailable ? describe : describe.skip;
const realPoliciesTitle = realPoliciesAvailable
  ? 'importing the real TTS policies (Markdown)'
  : 'importing the real TTS policies (skipped: the real policies in ../shared/real-policies are not available in this checkout)';

describeRealPolicies(realPoliciesTitle, () => {
  describe.each(POLICIES)('$file', (policy) => {
    it('reads the front matter as metadata and leaves it out of the text', async () => {
      const parsed = await parseRealPolicy(policy.file);
      expect(parsed.metadata.title).toBe(policy.title);
      expect(allText(parsed)).not.toMatch(/title:|---|redirect_from/);
    });

    it('keeps every heading with its level and text', async () => {
      expect(headingsOf(await parseRealPolicy(policy.file))).toEqual(policy.headings);
    });

    it('keeps list items at their nesting depth', async () => {
      const items = listItemsOf(await parseRealPolicy(policy.file));
      for (const item of policy.listItems) expect(items).toContainEqual(item);
    });

    it('leaves no raw HTML and no link addresses in the text', async () => {
      const text = allText(await parseRealPolicy(policy.file));
      expect(text).not.toMatch(/<\/?[a-z]/i);
      expect(text).not.toMatch(/https?:|\]\(/);
    });
  });

  it('keeps Liquid template tags exactly as written', async () => {
    const parsed = await parseRealPolicy('tts-social-media-2023-12.md');
    const paragraphs = textsOf(parsed, 'paragraph');
    expect(paragraphs).toContainEqual(
      expect.stringContaining('let us know in {% slack_channel "tweet-this" %}. To see a list'),
    );
    expect(paragraphs).toContainEqual(
      expect.stringContaining(
        'feel free to ask in {% slack_channel "tweet-this" %} or {% slack_channel "legalstuff" %}.',
      ),
    );
    expect(allText(parsed).match(/\{%/g)).toHaveLength(3);
  });

  it('reads every top-level property of a richer front matter, lists joined', async () => {
    const parsed = await parseRealPolicy('tts-social-media-2023-12.md');
    expect(parsed.metadata).toEqual({
      title: 'Social media',
      questions: 'outreach, tts-outreach@gsa.gov',
      redirect_from: '/social-media/',
      cSpell: 'ignore codedotgov',
    });
  });

  it('takes a heading’s text out of the inline HTML anchor around it', async () => {
    const parsed = await parseRealPolicy('tts-social-media-2016-09.md');
    expect(parsed.blocks).toContainEqual({ type: 'heading', level: 2, text: 'Leadership' });
  });

  it('keeps the TweetDeck image as its description and warns that the image was left out', async () => {
    const parsed = await parseRealPolicy('tts-social-media-2016-09.md');
    expect(parsed.blocks).toContainEqual({
      type: 'paragraph',
      text: "[Image: TweetDeck setup with three columns: 18F's team list, replies to @18F, and @18F feed]",
    });
    expect(parsed.warnings).toEqual(['1 image was left out (only its description was kept).']);
  });

  it('decodes character references such as &#39;', async () => {
    const parsed = await parseRealPolicy('tts-code-of-conduct-2020-07.md');
    expect(textsOf(parsed, 'list-item')).toContain("TTS's physical offices,");
    expect(allText(parsed)).not.toContain('&#39;');
  });

  it('turns a hard line break into a space', async () => {
    const parsed = await parseRealPolicy('tts-code-of-conduct-2020-07.md');
    expect(textsOf(parsed, 'paragraph').at(-1)).toBe('Approved May 1, 2018 Published May 7, 2018');
  });
});

describe('reading Markdown constructs', () => {
  it('turns a table into cells with row, column and a header first row, numbering tables per document', async () => {
    const parsed = await parseWith(
      parseMarkdown,
      'tables.md',
      [
        '| Account | Owner |',
        '| --- | :-: |',
        '| Twitter | Comms |',
        '| Facebook | |',
        '',
        'Between.',
        '',
        '| Only |',
        '| --- |',
        '| cell |',
      ].join('\n'),
    );
    expect(parsed.blocks.filter((block) => block.type === 'table-cell')).toEqual([
      { type: 'table-cell', table: 0, row: 0, column: 0, header: true, text: 'Account' },
      { type: 'table-cell', table: 0, row: 0, column: 1, header: true, text: 'Owner' },
      { type: 'table-cell', table: 0, row: 1, column: 0, header: false, text: 'Twitter' },
      { type: 'table-cell', table: 0, row: 1, column: 1, header: false, text: 'Comms' },
      { type: 'table-cell', table: 0, row: 2, column: 0, header: false, text: 'Facebook' },
      { type: 'table-cell', table: 0, row: 2, column: 1, header: false, text: '' },
      { type: 'table-cell', table: 1, row: 0, column: 0, header: true, text: 'Only' },
      { type: 'table-cell', table: 1, row: 1, column: 0, header: false, text: 'cell' },
    ]);
  });

  it('makes each paragraph of a blockquote one quote block', async () => {
    const parsed = await parseWith(
      parseMarkdown,
      'quote.md',
      '> Think before you post.\n>\n> Then think *again*.\n\nAfter.',
    );
    expect(parsed.blocks).toEqual([
      { type: 'quote', text: 'Think before you post.' },
      { type: 'quote', text: 'Then think again.' },
      { type: 'paragraph', text: 'After.' },
    ]);
  });

  it('keeps a fenced code block with its line breaks', async () => {
    const parsed = await parseWith(parseMarkdown, 'code.md', '```yaml\naccount: "@example"\n  owner: comms\n```');
    expect(parsed.blocks).toEqual([{ type: 'code', text: 'account: "@example"\n  owner: comms' }]);
  });

  it('numbers footnote markers in order of first reference and puts the notes, labelled, at the end', async () => {
    const source = [
      'Staff must follow the law.[^law] Accounts need approval.[^approval]',
      '',
      '[^approval]: Approval comes from the communications office.',
      '[^law]: The Hatch Act applies.',
      '',
      'Repeat reference.[^law]',
    ].join('\n');
    const parsed = await parseWith(parseMarkdown, 'notes.md', source);
    expect(parsed.blocks).toEqual([
      { type: 'paragraph', text: 'Staff must follow the law.[1] Accounts need approval.[2]' },
      { type: 'paragraph', text: 'Repeat reference.[1]' },
      { type: 'note', label: '1', text: 'The Hatch Act applies.' },
      { type: 'note', label: '2', text: 'Approval comes from the communications office.' },
    ]);
  });

  it('keeps a link’s text but never a javascript: address, inline, by reference or as an autolink', async () => {
    const source =
      'Please [click](javascript:alert(1)) or [here][bad] or <javascript:alert(2)>.\n\n[bad]: javascript:alert(3)';
    const parsed = await parseWith(parseMarkdown, 'links.md', source);
    expect(parsed.blocks).toEqual([{ type: 'paragraph', text: 'Please click or here or .' }]);
    expect(JSON.stringify(parsed)).not.toMatch(/javascript|alert/);
  });

  it('keeps nested ordered and unordered lists with their depth and kind', async () => {
    const parsed = await parseWith(
      parseMarkdown,
      'lists.md',
      '1. Request\n   - an account\n     1. by email\n2. Train',
    );
    expect(parsed.blocks).toEqual([
      { type: 'list-item', depth: 0, ordered: true, text: 'Request' },
      { type: 'list-item', depth: 1, ordered: false, text: 'an account' },
      { type: 'list-item', depth: 2, ordered: true, text: 'by email' },
      { type: 'list-item', depth: 0, ordered: true, text: 'Train' },
    ]);
  });

  it('keeps template tags, template variables and inline code as text', async () => {
    const parsed = await parseWith(
      parseMarkdown,
      'liquid.md',
      'Ask in {% slack_channel "x" %} or see {{ site.baseurl }}/policy and run `{{ raw }}`.',
    );
    expect(parsed.blocks).toEqual([
      { type: 'paragraph', text: 'Ask in {% slack_channel "x" %} or see {{ site.baseurl }}/policy and run {{ raw }}.' },
    ]);
  });

  it('shows whether each task list item is done', async () => {
    const parsed = await parseWith(parseMarkdown, 'tasks.md', '- [x] Train staff\n- [ ] Review yearly');
    expect(textsOf(parsed, 'list-item')).toEqual(['[x] Train staff', '[ ] Review yearly']);
  });

  it('keeps only the text of inline HTML, leaving out hidden and script content', async () => {
    const source =
      'Posts need <abbr title="approval">OK</abbr> from <span hidden>nobody</span>comms<script>alert(1)</script>.';
    const parsed = await parseWith(parseMarkdown, 'inline.md', source);
    expect(parsed.blocks).toEqual([{ type: 'paragraph', text: 'Posts need OK from comms.' }]);
  });

  it('reads an HTML block by the HTML rules, numbering its table after the Markdown ones', async () => {
    const source =
      '| A |\n| - |\n| 1 |\n\n<table><tr><th>Owner</th></tr><tr><td>Comms</td></tr></table>\n\n<div><script>alert(1)</script><p>Kept.</p></div>';
    const parsed = await parseWith(parseMarkdown, 'blocks.md', source);
    expect(parsed.blocks.slice(2)).toEqual([
      { type: 'table-cell', table: 1, row: 0, column: 0, header: true, text: 'Owner' },
      { type: 'table-cell', table: 1, row: 1, column: 0, header: false, text: 'Comms' },
      { type: 'paragraph', text: 'Kept.' },
    ]);
  });

  it('reports images once for the whole document, whether written in Markdown or HTML', async () => {
    const parsed = await parseWith(
      parseMarkdown,
      'images.md',
      '![Org chart](chart.png)\n\n<img src="logo.png">\n\nText with ![](icon.png) an icon.',
    );
    expect(parsed.blocks).toEqual([
      { type: 'paragraph', text: '[Image: Org chart]' },
      { type: 'paragraph', text: 'Text with an icon.' },
    ]);
    expect(parsed.warnings).toEqual(['3 images were left out (the description of 1 of them was kept).']);
  });

  it('warns and still reads the document when the front matter is not valid YAML', async () => {
    const parsed = await parseWith(parseMarkdown, 'bad-yaml.md', '---\ntitle: [unclosed\n---\n\n# Policy\n\nText.');
    expect(parsed.metadata).toEqual({});
    expect(parsed.warnings).toEqual([
      expect.stringMatching(/^The front matter .* could not be read .*line 2.*; it was left out\.$/),
    ]);
    expect(parsed.blocks).toEqual([
      { type: 'heading', level: 1, text: 'Policy' },
      { type: 'paragraph', text: 'Text.' },
    ]);
  });

  it('reads front matter values as written, without turning them into numbers or dates', async () => {
    const parsed = await parseWith(
      parseMarkdown,
      'values.md',
      '---\nversion: 1.10\ndate: 2024-03-01\napproved: true\n---\nText.',
    );
    expect(parsed.metadata).toEqual({ version: '1.10', date: '2024-03-01', approved: 'true' });
  });

  it('reads TOML front matter as metadata', async () => {
    const parsed = await parseWith(
      parseMarkdown,
      'toml.md',
      '+++\ntitle = "Code of conduct"\ndate = 2024-03-01\n+++\n\nText.',
    );
    expect(parsed.metadata).toEqual({ title: 'Code of conduct', date: '2024-03-01' });
    expect(parsed.blocks).toEqual([{ type: 'paragraph', text: 'Text.' }]);
  });

  it('gives no blocks for a document that is only front matter', async () => {
    const parsed = await parseWith(parseMarkdown, 'only-front-matter.md', '---\ntitle: Only properties\n---\n');
    expect(parsed).toEqual({ blocks: [], metadata: { title: 'Only properties' }, warnings: [], invisibleText: [] });
  });
});
