import { parse } from '@cdktf/hcl2json';
// The HCL writer lives in the common package; its output is checked here,
// where a real HCL parser (@cdktf/hcl2json) is at hand.
import {
  attr,
  blank,
  block,
  expr,
  hclFile,
  hclQuote as quote,
} from '@ai-conformance/plugin-ai-conformance-common';

describe('quote', () => {
  it('escapes quotes, backslashes, newlines and template sequences', () => {
    expect(quote('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c\\nd"');
    expect(quote('${var.x} %{if}')).toBe('"$${var.x} %%{if}"');
  });

  it('round-trips hostile text through a real HCL parser', async () => {
    const hostile =
      'x"; } resource "evil" "y" { a = "${file("/etc/passwd")}\n%{ for }';
    const text = hclFile([block('locals', [], [attr('value', hostile)])]);
    const json = await parse('hostile.tf', text);
    // hcl2json answers in Terraform's JSON syntax, where a literal `${` or
    // `%{` is written `$${` / `%%{`: the text stayed one literal string.
    expect(json.locals[0].value).toBe(
      hostile.replace('${', () => '$${').replace('%{', '%%{'),
    );
    expect(json.resource).toBeUndefined();
  });
});

describe('hclFile', () => {
  it('aligns = within runs of single-line attributes, like terraform fmt', () => {
    const text = hclFile([
      block(
        'resource',
        ['a', 'b'],
        [
          attr('name', 'x'),
          attr('location_policy', 'ANY'),
          attr('labels', { 'with-dash': 'true', plain: expr('var.x') }),
          attr('z', 1),
          blank,
          attr('tags', ['a', 'b']),
          block('inner', [], [attr('enabled', true)]),
          block('empty', [], []),
        ],
      ),
    ]);
    expect(text).toBe(
      [
        'resource "a" "b" {',
        '  name            = "x"',
        '  location_policy = "ANY"',
        '  labels = {',
        '    with-dash = "true"',
        '    plain     = var.x',
        '  }',
        '  z = 1',
        '',
        '  tags = ["a", "b"]',
        '',
        '  inner {',
        '    enabled = true',
        '  }',
        '  empty {}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes a comment header and quotes keys that are not identifiers', () => {
    const text = hclFile(
      [block('locals', [], [attr('m', { 'a.b': 1 })])],
      'line one\n\nline two',
    );
    expect(text.startsWith('# line one\n#\n# line two\n\nlocals {')).toBe(true);
    expect(text).toContain('"a.b" = 1');
  });

  it('refuses numbers HCL cannot hold', () => {
    expect(() => hclFile([block('locals', [], [attr('n', NaN)])])).toThrow(
      /not an HCL number/,
    );
  });
});
