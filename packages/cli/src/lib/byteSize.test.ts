import { parseMaxResponseBytes } from './byteSize';

describe('parseMaxResponseBytes', () => {
  it('reads bytes, KiB and MiB', () => {
    expect(parseMaxResponseBytes(undefined)).toBeUndefined();
    expect(parseMaxResponseBytes('4096')).toBe(4096);
    expect(parseMaxResponseBytes('512KiB')).toBe(512 * 1024);
    expect(parseMaxResponseBytes('64MiB')).toBe(64 * 1024 * 1024);
  });

  it('refuses other forms and values outside 1 KiB .. 512 MiB with a CliError', () => {
    expect(() => parseMaxResponseBytes('10GB')).toThrow(
      'invalid --max-response-bytes "10GB": use bytes or forms like 512KiB, 64MiB',
    );
    expect(() => parseMaxResponseBytes('100')).toThrow(
      /--max-response-bytes must be a whole number of bytes from 1024/,
    );
    expect(() => parseMaxResponseBytes('4096MiB')).toThrow(
      expect.objectContaining({ name: 'CliError', exitCode: 3 }),
    );
  });
});
