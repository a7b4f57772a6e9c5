import { matchesIfNoneMatch } from './matchesIfNoneMatch';

describe('matchesIfNoneMatch', () => {
  const etag = 'W/"abc"';

  it('matches the tag weakly, in a list, or any tag', () => {
    expect(matchesIfNoneMatch('W/"abc"', etag)).toBe(true);
    expect(matchesIfNoneMatch('"abc"', etag)).toBe(true);
    expect(matchesIfNoneMatch('"x", W/"abc"', etag)).toBe(true);
    expect(matchesIfNoneMatch('*', etag)).toBe(true);
  });

  it('does not match another tag, a prefix or nothing', () => {
    expect(matchesIfNoneMatch(undefined, etag)).toBe(false);
    expect(matchesIfNoneMatch('', etag)).toBe(false);
    expect(matchesIfNoneMatch('W/"abcd"', etag)).toBe(false);
    expect(matchesIfNoneMatch('W/"ab"', etag)).toBe(false);
  });
});
