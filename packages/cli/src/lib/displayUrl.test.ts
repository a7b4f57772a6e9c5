import { displayUrl } from './displayUrl';

describe('displayUrl', () => {
  it.each([
    ['http://user:pass@host:7007/api', 'http://host:7007/api'],
    ['https://u:p@ss@host/x?q=a@b', 'https://host/x?q=a@b'],
    ['https://tok@host', 'https://host'],
    ['http://user:pa55word@127.0.0.1:99999', 'http://127.0.0.1:99999'],
    [
      'cannot reach http://a:b@x.example/p: fetch failed for https://c:d@y.example',
      'cannot reach http://x.example/p: fetch failed for https://y.example',
    ],
    [
      'https://host/path mail@example.com',
      'https://host/path mail@example.com',
    ],
    ['https://127.0.0.1:6443', 'https://127.0.0.1:6443'],
  ])('%s → %s', (input, shown) => {
    expect(displayUrl(input)).toBe(shown);
  });
});
