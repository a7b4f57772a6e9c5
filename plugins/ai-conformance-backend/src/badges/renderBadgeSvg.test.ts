import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderBadgeSvg } from './renderBadgeSvg';

function parse(svg: string) {
  expect(XMLValidator.validate(svg)).toBe(true);
  return new XMLParser({ ignoreAttributes: false }).parse(svg).svg;
}

describe('renderBadgeSvg', () => {
  it('shows verdict, level and checklist version in valid SVG', () => {
    const svg = parse(
      renderBadgeSvg({
        verdict: 'conformant',
        level: 'gold',
        requirementsVersion: '1.34',
      }),
    );
    expect(svg['@_xmlns']).toBe('http://www.w3.org/2000/svg');
    expect(svg.title).toBe('AI conformance v1.34: conformant · gold');
    // Each text is drawn twice: a shadow (aria-hidden) and the text itself.
    expect(
      svg.g[1].text
        .filter((t: any) => t['@_aria-hidden'] !== 'true')
        .map((t: any) => t['#text']),
    ).toEqual(['AI conformance v1.34', 'conformant · gold']);
    expect(svg.g[0].rect[1]['@_fill']).toBe('#2e7d32');
  });

  it('leaves out level none and colours a failing cluster red', () => {
    const svg = parse(
      renderBadgeSvg({ verdict: 'not-conformant', level: 'none' }),
    );
    expect(svg.title).toBe('AI conformance: not conformant');
    expect(svg.g[0].rect[1]['@_fill']).toBe('#c62828');
  });

  it('says "not checked" without a stored run', () => {
    expect(parse(renderBadgeSvg({ verdict: null })).title).toBe(
      'AI conformance: not checked',
    );
  });

  it('escapes a hostile checklist version from an uploaded report', () => {
    const raw = renderBadgeSvg({
      verdict: 'conformant',
      requirementsVersion: '1.34"><script>alert(1)</script>&',
    });
    expect(raw).not.toContain('<script');
    const svg = parse(raw);
    // The parsed title is the string itself: data, not markup.
    expect(svg.title).toBe(
      'AI conformance v1.34"><script>alert(1)</script>&: conformant',
    );
    expect(svg.g[0].rect[1]['@_fill']).toBe('#2e7d32');
  });

  it('grows with its text', () => {
    const short = parse(renderBadgeSvg({ verdict: 'incomplete' }));
    const long = parse(
      renderBadgeSvg({
        verdict: 'incomplete',
        level: 'bronze',
        requirementsVersion: '1.35',
      }),
    );
    expect(Number(long['@_width'])).toBeGreaterThan(Number(short['@_width']));
  });
});
