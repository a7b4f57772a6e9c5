export { escapeMarkdownText } from './escapeMarkdownText';
export { markdownCodeBlock, markdownCodeSpan } from './markdownCode';
export type {
  MarkdownCodeBlockOptions,
  MarkdownCodeSpanOptions,
} from './markdownCode';
export { markdownLink } from './markdownLink';
export { escapeHtmlText } from './escapeHtmlText';
export {
  escapeXmlAttribute,
  escapeXmlText,
  stripXmlInvalidChars,
} from './escapeXml';
export { singleLineText } from './singleLineText';
