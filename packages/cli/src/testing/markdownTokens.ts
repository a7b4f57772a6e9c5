import { marked, type Token } from 'marked';

/**
 * Every token of a Markdown document as a CommonMark/GFM parser (marked)
 * reads it, depth first: blocks, inlines, list items and table cells.
 */
export function markdownTokens(markdown: string): Token[] {
  const all: Token[] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      all.push(t);
      const any = t as any;
      if (Array.isArray(any.tokens)) walk(any.tokens);
      if (Array.isArray(any.items)) walk(any.items);
      for (const cell of any.header ?? []) walk(cell.tokens);
      for (const row of any.rows ?? [])
        for (const cell of row) walk(cell.tokens);
    }
  };
  walk(marked.lexer(markdown));
  return all;
}

/** The HTML tags in a document's HTML tokens, in order. */
export function htmlTags(tokens: Token[]): string[] {
  return tokens
    .filter(t => t.type === 'html')
    .flatMap(t => t.raw.match(/<\/?[A-Za-z!?][^>]*>/g) ?? []);
}
