import { marked, type Token } from 'marked';
import { escapeMarkdownText } from './escapeMarkdownText';
import { markdownCodeBlock, markdownCodeSpan } from './markdownCode';
import { markdownLink } from './markdownLink';
import { escapeHtmlText } from './escapeHtmlText';
import { singleLineText } from './singleLineText';
import {
  escapeXmlAttribute,
  escapeXmlText,
  stripXmlInvalidChars,
} from './escapeXml';

/** Strings a cluster (object names, labels, messages) could carry. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</details><script>alert(2)</script>',
  '`code` ``` `` ` break `out',
  '# Injected heading',
  'text\n# heading after a newline\n\n<b>bold</b>',
  'a\r\n===',
  '[click](https://evil.example) ![img](https://evil.example/x.png)',
  'https://evil.example www.evil.example mail@evil.example',
  '| col | col |\n| --- | --- |\n| x | y |',
  'pipe | inside \\| escaped',
  '- list item',
  '1. ordered',
  '> quote',
  '&lt;script&gt; &#60;b&#62;',
  '*emphasis* _em_ ~~strike~~ $x^2$',
  '<!-- comment --> <![CDATA[x]]> <?php ?>',
  '\\<script>alert(3)</script>',
  'ESC \u001b[31mred\u001b[0m NUL \u0000 BEL \u0007',
];

function walk(tokens: Token[], visit: (t: Token) => void): void {
  for (const t of tokens) {
    visit(t);
    const any = t as any;
    if (Array.isArray(any.tokens)) walk(any.tokens, visit);
    if (Array.isArray(any.items)) walk(any.items, visit);
    if (Array.isArray(any.header)) {
      for (const c of any.header) walk(c.tokens, visit);
    }
    if (Array.isArray(any.rows)) {
      for (const row of any.rows) for (const c of row) walk(c.tokens, visit);
    }
  }
}

function tokensOf(markdown: string): Token[] {
  const all: Token[] = [];
  walk(marked.lexer(markdown), t => all.push(t));
  return all;
}

/** The plain text a paragraph renders to. */
function renderedText(markdown: string): string {
  const html = marked.parseInline(markdown) as string;
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
}

describe('escapeMarkdownText', () => {
  it.each(HOSTILE)('renders %j as the same text, one paragraph', s => {
    const md = escapeMarkdownText(s);
    const types = tokensOf(md).map(t => t.type);
    expect(types[0]).toBe('paragraph');
    expect(types.slice(1).every(t => t === 'text' || t === 'escape')).toBe(
      true,
    );
    const expected = s
      .replace(/\r\n|[\r\n]/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B-\u001F]/g, '');
    expect(renderedText(md)).toBe(expected);
  });

  it.each(HOSTILE)(
    'keeps %j as text at the start of a line and in a list',
    s => {
      const md = `${escapeMarkdownText(s)}\n\n- ${escapeMarkdownText(s)}\n`;
      const types = tokensOf(md).map(t => t.type);
      expect(types).not.toContain('html');
      expect(types).not.toContain('heading');
      expect(types).not.toContain('link');
      expect(types).not.toContain('codespan');
      expect(types).not.toContain('table');
      expect(types.filter(t => t === 'list')).toHaveLength(1);
      expect(types.filter(t => t === 'paragraph')).toHaveLength(1);
    },
  );

  it('keeps a table cell a cell', () => {
    const md = [
      '| a | b |',
      '| --- | --- |',
      ...HOSTILE.map(s => `| ${escapeMarkdownText(s)} | end |`),
    ].join('\n');
    const [table] = marked.lexer(md) as any[];
    expect(table.type).toBe('table');
    expect(table.rows).toHaveLength(HOSTILE.length);
    for (const row of table.rows) {
      expect(row).toHaveLength(2);
      expect(row[1].text).toBe('end');
    }
    expect(tokensOf(md).map(t => t.type)).not.toContain('html');
  });

  it('leaves ordinary values readable', () => {
    expect(
      escapeMarkdownText(
        'gke-ai-prod dra_support v1.35.2 2025-01-02T03:04:05Z',
      ),
    ).toBe('gke-ai-prod dra_support v1.35.2 2025-01-02T03:04:05Z');
  });
});

describe('markdownCodeSpan', () => {
  it.each(HOSTILE)('renders %j as one code span with the same text', s => {
    const span = markdownCodeSpan(s);
    const tokens = tokensOf(`x ${span} y`);
    const spans = tokens.filter(t => t.type === 'codespan');
    expect(spans).toHaveLength(1);
    expect(spans[0].raw).toBe(span);
    expect(tokens.map(t => t.type)).not.toContain('html');
    // CommonMark: the fence, then one space each side when both are there
    const body = span.replace(/^(`+)([^]*)\1$/, '$2');
    const content =
      /^ [^]* $/.test(body) && /\S/.test(body) ? body.slice(1, -1) : body;
    expect(content).toBe(
      s
        .replace(/\r\n|[\r\n]/g, ' ')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000B-\u001F]/g, ''),
    );
  });

  it('stays in its table cell', () => {
    const md = [
      '| a | b |',
      '| --- | --- |',
      ...HOSTILE.map(
        s => `| ${markdownCodeSpan(s, { tableCell: true })} | end |`,
      ),
    ].join('\n');
    const [table] = marked.lexer(md) as any[];
    expect(table.rows).toHaveLength(HOSTILE.length);
    for (const row of table.rows) {
      expect(row.map((c: any) => c.tokens[0]?.type)).toEqual([
        'codespan',
        'text',
      ]);
    }
  });

  it('is empty for empty text', () => {
    expect(markdownCodeSpan('')).toBe('');
  });
});

describe('markdownCodeBlock', () => {
  it('keeps every line of the text inside the block', () => {
    const text =
      'kubectl get x\n```\n# not a heading\n<script>alert(1)</script>\n````';
    const md = [
      '- step',
      '',
      ...markdownCodeBlock(text, { language: 'sh', indent: '  ' }),
      '',
      'after',
    ].join('\n');
    const tokens = tokensOf(md);
    const code = tokens.filter(t => t.type === 'code');
    expect(code).toHaveLength(1);
    expect((code[0] as any).text).toBe(text);
    expect((code[0] as any).lang).toBe('sh');
    expect(tokens.map(t => t.type)).not.toContain('html');
    expect(tokens.map(t => t.type)).not.toContain('heading');
  });
});

describe('markdownLink', () => {
  it('keeps a link written in the text from nesting', () => {
    const md = markdownLink(
      '[click](https://evil.example) \\[x]',
      'https://docs.example/',
    );
    const links = tokensOf(md).filter(t => t.type === 'link') as any[];
    expect(links.map(l => l.href)).toEqual(['https://docs.example/']);
    expect(renderedText(md)).toBe(
      '<a href="https://docs.example/">[click](https://evil.example) \\[x]</a>',
    );
  });

  it('links http(s) URLs and percent-encodes what would end the destination', () => {
    const md = markdownLink('docs <b>', 'https://example.com/a) b(<x>');
    const links = tokensOf(md).filter(t => t.type === 'link') as any[];
    expect(links).toHaveLength(1);
    expect(links[0].href).toBe('https://example.com/a%29%20b%28%3Cx%3E');
    expect(tokensOf(md).map(t => t.type)).not.toContain('html');
  });

  it.each([
    // eslint-disable-next-line no-script-url
    'javascript:alert(1)',
    'data:text/html,<script>',
    'https://u:p@x.example',
    'not a url',
  ])('writes %j as text, not a link', url => {
    const types = tokensOf(markdownLink('docs', url)).map(t => t.type);
    expect(types).not.toContain('link');
    expect(types).not.toContain('html');
  });
});

describe('escapeHtmlText', () => {
  it('keeps hostile text inside a <details> summary', () => {
    for (const s of HOSTILE) {
      const md = `<details><summary>${escapeHtmlText(
        s,
      )}</summary>\n\n- item\n\n</details>\n`;
      const html = tokensOf(md)
        .filter(t => t.type === 'html')
        .map(t => t.raw)
        .join('');
      const tags = html.match(/<\/?[a-zA-Z!?][^>]*>/g);
      expect(tags).toEqual([
        '<details>',
        '<summary>',
        '</summary>',
        '</details>',
      ]);
    }
  });
});

describe('XML escapers', () => {
  const XML_CHAR =
    /^(?:[\t\n\r\u0020-\uD7FF\uE000-\uFFFD]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;

  it('remove characters XML 1.0 cannot hold, keeping pairs', () => {
    const s =
      'a\u0000b\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800c\uDC00d😀\t\n\r';
    expect(stripXmlInvalidChars(s)).toBe('abcd😀\t\n\r');
    expect(escapeXmlText(s)).toMatch(XML_CHAR);
    expect(escapeXmlAttribute(s)).toMatch(XML_CHAR);
  });

  it('escape markup, quotes and attribute whitespace', () => {
    expect(escapeXmlText('<a href="x">&amp;</a>')).toBe(
      '&lt;a href="x"&gt;&amp;amp;&lt;/a&gt;',
    );
    expect(escapeXmlAttribute(`"q' <\t\n\r`)).toBe(
      '&quot;q&apos; &lt;&#9;&#10;&#13;',
    );
  });
});

describe('singleLineText', () => {
  it('removes terminal escapes and control characters and joins lines', () => {
    expect(
      singleLineText(
        'red \u001b[31mX\u001b[0m\u0007\r\nnext\u2028line\u009b2J',
      ),
    ).toBe('red [31mX[0m next line2J');
  });
});
