export { reportToMarkdown } from './reportToMarkdown';
export type {
  ReportMarkdownLabels,
  ReportToMarkdownOptions,
} from './reportToMarkdown';
