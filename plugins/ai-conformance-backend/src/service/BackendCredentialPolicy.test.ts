import { NotAllowedError } from '@backstage/errors';
import {
  BackendCredentialPolicy,
  BackendCredentialRefusedError,
} from './BackendCredentialPolicy';

const policy = new BackendCredentialPolicy([
  {
    urlPattern: 'https://*.gke.example.com',
    authProviders: ['googleServiceAccount'],
  },
  {
    urlPattern: 'https://rancher.example.com:8443/k8s/clusters/c-1',
    authProviders: ['serviceAccount'],
  },
]);

const allowed = (url: string, provider: string) => {
  try {
    policy.assertAllowed('c', url, provider);
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(BackendCredentialRefusedError);
    expect(error).toBeInstanceOf(NotAllowedError);
    return false;
  }
};

describe('BackendCredentialPolicy', () => {
  it('needs no grant for the calling user’s own token', () => {
    const none = new BackendCredentialPolicy([]);
    expect(() => none.assertAllowed('c', 'https://x', 'google')).not.toThrow();
    expect(() => none.assertAllowed('c', 'https://x', 'oidc')).not.toThrow();
    for (const provider of [
      'serviceAccount',
      'googleServiceAccount',
      'aws',
      'azure',
      'localKubectlProxy',
      'anything-new',
    ]) {
      expect(() => none.assertAllowed('c', 'https://x', provider)).toThrow(
        BackendCredentialRefusedError,
      );
    }
  });

  it('matches scheme, host (with a leading *.), port and path prefix', () => {
    expect(allowed('https://a.gke.example.com', 'googleServiceAccount')).toBe(
      true,
    );
    expect(
      allowed('https://a.b.GKE.example.com:443/x', 'googleServiceAccount'),
    ).toBe(true);
    // The wildcard needs at least one label; lookalike hosts do not match.
    expect(allowed('https://gke.example.com', 'googleServiceAccount')).toBe(
      false,
    );
    expect(
      allowed('https://a.gke.example.com.evil.io', 'googleServiceAccount'),
    ).toBe(false);
    expect(allowed('https://agke.example.com', 'googleServiceAccount')).toBe(
      false,
    );
    expect(allowed('http://a.gke.example.com', 'googleServiceAccount')).toBe(
      false,
    );
    expect(
      allowed('https://a.gke.example.com:6443', 'googleServiceAccount'),
    ).toBe(false);
    // Only the providers named for the pattern.
    expect(allowed('https://a.gke.example.com', 'serviceAccount')).toBe(false);

    const rancher = 'https://rancher.example.com:8443/k8s/clusters/c-1';
    expect(allowed(rancher, 'serviceAccount')).toBe(true);
    expect(allowed(`${rancher}/`, 'serviceAccount')).toBe(true);
    expect(allowed(`${rancher}0`, 'serviceAccount')).toBe(false);
    expect(
      allowed(
        'https://rancher.example.com:8443/k8s/clusters/c-2',
        'serviceAccount',
      ),
    ).toBe(false);
    expect(allowed('not a url', 'serviceAccount')).toBe(false);
  });

  it('refuses unclear grants at start-up', () => {
    const make =
      (urlPattern: string, authProviders = ['serviceAccount']) =>
      () =>
        new BackendCredentialPolicy([{ urlPattern, authProviders }]);
    expect(make('https://a.*.example.com')).toThrow(
      /"\*" is accepted only as the first label/,
    );
    expect(make('https://*')).toThrow(/"\*" is accepted only/);
    expect(make('https://user:pw@a.example.com')).toThrow(
      /only a scheme, host, port and path/,
    );
    expect(make('https://a.example.com?x=1')).toThrow(
      /only a scheme, host, port and path/,
    );
    expect(make('ftp://a.example.com')).toThrow(/http\(s\) URL/);
    expect(make('nope')).toThrow(/is not a URL/);
    expect(make('https://a.example.com', [])).toThrow(
      /authProviders must name at least one/,
    );
  });
});
