import { checkCatalogClusterUrl, publicAddress } from './clusterUrlPolicy';

const policy = (resolved: Record<string, string[]> = {}) => ({
  dangerouslyAllowClusterUrls: [],
  resolveHost: async (host: string) => {
    if (!resolved[host]) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
    return resolved[host];
  },
});

const check = (url: string, resolved?: Record<string, string[]>) =>
  checkCatalogClusterUrl('c', url, policy(resolved));

describe('checkCatalogClusterUrl', () => {
  // Every IPv6 form that carries a loopback or private IPv4 address, as an
  // entity author would write it in `kubernetes.io/api-server`.
  it.each([
    ['IPv4-compatible', 'https://[::127.0.0.1]'],
    ['IPv4-compatible, hex', 'https://[::7f00:1]:6443'],
    ['IPv4-compatible, private', 'https://[::10.0.0.7]'],
    ['IPv4-mapped', 'https://[::ffff:127.0.0.1]'],
    ['IPv4-mapped, hex', 'https://[::ffff:7f00:1]'],
    ['IPv4-mapped, private', 'https://[::ffff:192.168.1.1]'],
    ['IPv4-translated (SIIT)', 'https://[::ffff:0:7f00:1]'],
    ['NAT64 well-known prefix', 'https://[64:ff9b::7f00:1]'],
    ['NAT64 well-known prefix, private', 'https://[64:ff9b::a9fe:a9fe]'],
    ['NAT64 local-use prefix', 'https://[64:ff9b:1::a00:7]'],
    ['6to4', 'https://[2002:7f00:1::1]'],
    ['6to4, metadata server', 'https://[2002:a9fe:a9fe::]'],
    ['Teredo', 'https://[2001:0:7f00:1::1]'],
    ['IPv6 loopback', 'https://[::1]'],
    ['IPv6 unspecified', 'https://[::]'],
    ['IPv6 unique local', 'https://[fd00::1]'],
    ['IPv6 link-local', 'https://[fe80::1]'],
    ['IPv6 documentation', 'https://[2001:db8::1]'],
    ['decimal IPv4', 'https://2130706433'],
    ['octal IPv4', 'https://0177.0.0.1'],
    ['CGNAT', 'https://100.64.0.1'],
    ['metadata server', 'https://169.254.169.254'],
  ])('refuses %s (%s) as not a public address', async (_form, url) => {
    await expect(check(url)).rejects.toThrow(/is not a public address/);
  });

  it('refuses https://[::127.0.0.1] naming only the address the URL carries', async () => {
    await expect(check('https://[::127.0.0.1]')).rejects.toThrow(
      "Cluster c: refused the catalog entity's API server https://[::7f00:1]: ::7f00:1 is not a public address (add it to aiConformance.catalogClusters.dangerouslyAllowClusterUrls to allow it)",
    );
  });

  it('names neither the resolved address nor whether the name exists (no DNS oracle)', async () => {
    const hosts = {
      'db.internal.example': ['10.20.30.40'],
      'mapped.example': ['::ffff:172.16.5.4'],
      'mixed.example': ['34.9.9.9', '192.168.7.7'],
    };
    for (const host of Object.keys(hosts)) {
      const error = await check(`https://${host}`, hosts).then(
        () => undefined,
        e => e as Error,
      );
      expect(error?.message).toBe(
        `Cluster c: refused the catalog entity's API server https://${host}: the host ${host} is not a public address (add it to aiConformance.catalogClusters.dangerouslyAllowClusterUrls to allow it)`,
      );
    }
    const unresolved = await check('https://nowhere.example', hosts).then(
      () => undefined,
      e => e as Error,
    );
    expect(unresolved?.message).toBe(
      "Cluster c: refused the catalog entity's API server https://nowhere.example: the host nowhere.example is not a public address (add it to aiConformance.catalogClusters.dangerouslyAllowClusterUrls to allow it)",
    );
    await expect(check('https://localhost:6443')).rejects.toThrow(
      'the host localhost is not a public address',
    );
  });

  it('resolves with the checked address, which the connection then uses', async () => {
    await expect(
      check('https://api.example', {
        'api.example': ['34.9.9.9', '34.9.9.10'],
      }),
    ).resolves.toBe('34.9.9.9');
    await expect(
      check('https://v6.example', { 'v6.example': ['2600:1900:4000::1'] }),
    ).resolves.toBe('2600:1900:4000::1');
    await expect(check('https://[::ffff:34.9.9.9]')).resolves.toBe('34.9.9.9');
    await expect(check('https://34.1.2.3:443')).resolves.toBe('34.1.2.3');
  });

  it('lets an allow-listed URL through without pinning an address', async () => {
    await expect(
      checkCatalogClusterUrl('c', 'https://127.0.0.1:6443/', {
        dangerouslyAllowClusterUrls: ['https://127.0.0.1:6443'],
      }),
    ).resolves.toBeUndefined();
  });
});

describe('publicAddress', () => {
  it('judges IPv6 forms by the IPv4 address they carry and refuses translation forms', () => {
    expect(publicAddress('::ffff:8.8.8.8')).toBe('8.8.8.8');
    expect(publicAddress('::ffff:127.0.0.1')).toBeUndefined();
    // translation and tunnel forms reach their host through a gateway
    expect(publicAddress('64:ff9b::808:808')).toBeUndefined();
    expect(publicAddress('2002:808:808::1')).toBeUndefined();
    expect(publicAddress('::808:808')).toBeUndefined();
    expect(publicAddress('2001:4860:4860::8888')).toBe('2001:4860:4860::8888');
    expect(publicAddress('3fff::1')).toBeUndefined();
    expect(publicAddress('not an address')).toBeUndefined();
  });
});
