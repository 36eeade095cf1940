export {
  findRichTextProblem,
  findRichTextShapeProblem,
  linkUrlProblem,
  MAX_RICH_TEXT_CHARS,
  MAX_RICH_TEXT_DEPTH,
  MAX_RICH_TEXT_NODES,
  LINK_PROTOCOLS,
  RICH_TEXT_NODE_TYPES,
  type RichTextNodeType,
  type RichTextProblem,
} from './validate';
export { plainTextToRichText, richTextToPlainText } from './plain-text';
