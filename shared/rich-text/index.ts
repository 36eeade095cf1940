export { findRichTextProblem, linkUrlProblem, LINK_PROTOCOLS, RICH_TEXT_NODE_TYPES, type RichTextNodeType, type RichTextProblem } from './validate';
export { plainTextToRichText, richTextToPlainText } from './plain-text';
