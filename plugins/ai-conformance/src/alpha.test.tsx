import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import plugin, { aiConformancePage } from './alpha';

describe('new frontend system plugin', () => {
  it('provides the API, tab, card and page extensions under their ids', () => {
    expect(plugin.pluginId).toBe('ai-conformance');
    expect(plugin.getExtension('api:ai-conformance')).toBeDefined();
    expect(plugin.getExtension('entity-content:ai-conformance')).toBeDefined();
    expect(plugin.getExtension('entity-card:ai-conformance')).toBeDefined();
    // The demo sidebar places this id.
    expect(plugin.getExtension('page:ai-conformance')).toBeDefined();
  });

  it('mounts the fleet page at /ai-conformance with a route for the nav', () => {
    const tester = createExtensionTester(aiConformancePage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/ai-conformance');
    expect(tester.get(coreExtensionData.routeRef)).toBeDefined();
    expect(tester.get(coreExtensionData.title)).toBe('AI Conformance');
  });
});
