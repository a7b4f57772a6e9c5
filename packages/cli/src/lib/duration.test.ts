import { formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['10s', 10_000],
    ['2m', 120_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['1h', 3_600_000],
    ['45', 45_000],
    ['1.5s', 1500],
  ])('parses %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', 'ten', '10x', '0s', '5s garbage', '-3s'])('rejects %p', text => {
    expect(() => parseDuration(text)).toThrow(/invalid duration/);
  });
});

describe('formatDuration', () => {
  it('formats the usual forms', () => {
    expect(formatDuration(10_000)).toBe('10s');
    expect(formatDuration(120_000)).toBe('2m');
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(250)).toBe('250ms');
  });
});
