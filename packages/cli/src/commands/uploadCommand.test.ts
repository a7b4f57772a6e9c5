import { contentTypeOf, parseEntityRef, uploadUrl } from './uploadCommand';

describe('upload helpers', () => {
  it('parses entity refs of cluster resources', () => {
    expect(parseEntityRef('resource:prod/gpu-a')).toEqual({
      namespace: 'prod',
      name: 'gpu-a',
    });
    expect(parseEntityRef('prod/gpu-a')).toEqual({
      namespace: 'prod',
      name: 'gpu-a',
    });
    expect(parseEntityRef('resource:gpu-a')).toEqual({
      namespace: 'default',
      name: 'gpu-a',
    });
    expect(() => parseEntityRef('component:prod/x')).toThrow(
      /resource:NAMESPACE\/NAME/,
    );
    expect(() => parseEntityRef('a/b/c')).toThrow(/invalid --entity/);
  });

  it('builds the upload route from a base URL, with or without the plugin path', () => {
    const ref = { namespace: 'prod', name: 'gpu a' };
    expect(uploadUrl('https://bs.example.com', ref)).toBe(
      'https://bs.example.com/api/ai-conformance/clusters/prod/gpu%20a/reports',
    );
    expect(uploadUrl('https://bs.example.com/api/ai-conformance/', ref)).toBe(
      'https://bs.example.com/api/ai-conformance/clusters/prod/gpu%20a/reports',
    );
    expect(() => uploadUrl('not a url', ref)).toThrow(/invalid --backend/);
  });

  it('tells JSON from XML and refuses finished reports', () => {
    expect(contentTypeOf('  {"schemaVersion":1,"reads":{}}')).toBe(
      'application/json',
    );
    expect(
      contentTypeOf(
        '{"Action":"run","Test":"TestA"}\n{"Action":"pass","Test":"TestA"}\n',
      ),
    ).toBe('application/json');
    expect(() =>
      contentTypeOf('{"verdict":"conformant","requirements":[]}'),
    ).toThrow(/upload the snapshot from `ai-conformance collect`/);
    expect(contentTypeOf('<?xml version="1.0"?><testsuites/>')).toBe(
      'application/xml',
    );
    expect(() => contentTypeOf('hello')).toThrow(/neither JSON/);
    expect(
      contentTypeOf('=== RUN   TestX\n--- PASS: TestX (1.00s)\nPASS\n'),
    ).toBe('text/plain');
  });
});
