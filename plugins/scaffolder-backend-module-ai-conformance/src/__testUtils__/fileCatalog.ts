import type { CatalogService } from '@backstage/plugin-catalog-node';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

type Entity = NonNullable<
  Awaited<ReturnType<CatalogService['getEntityByRef']>>
>;

/**
 * A catalog for tests with one `file` location reading `<dir>/*.yaml`, as
 * the catalog backend's config locations do: refreshing the location reads
 * the directory again.
 */
export function fileCatalog(dir: string) {
  const entities = new Map<string, Entity>();
  const location: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: { name: 'generated-clusters', namespace: 'default' },
    spec: { type: 'file', target: path.join(dir, '*.yaml') },
  };
  const refreshed: string[] = [];
  const catalog = {
    async getEntities() {
      return { items: [location] };
    },
    async refreshEntity(ref: string) {
      refreshed.push(ref);
      if (ref !== 'location:default/generated-clusters') return;
      for (const file of fs.readdirSync(dir).filter(f => f.endsWith('.yaml'))) {
        for (const doc of parseAllDocuments(
          fs.readFileSync(path.join(dir, file), 'utf8'),
        )) {
          const entity = doc.toJSON() as Entity;
          entities.set(
            `${entity.kind.toLowerCase()}:default/${entity.metadata.name}`,
            entity,
          );
        }
      }
    },
    async getEntityByRef(ref: string) {
      return entities.get(ref);
    },
  };
  return {
    catalog: catalog as unknown as CatalogService,
    entities,
    refreshed,
  };
}
