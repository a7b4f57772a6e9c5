import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createHash } from 'node:crypto';
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
  const target = path.join(dir, '*.yaml');
  const name = `generated-${createHash('sha1')
    .update(`file:${target}`)
    .digest('hex')}`;
  const location: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: { name, namespace: 'default' },
    spec: { type: 'file', target },
  };
  const files = () => fs.readdirSync(dir).filter(f => f.endsWith('.yaml'));
  const refreshed: string[] = [];
  const catalog = {
    // As the catalog: a file location whose glob matched nothing yet failed
    // processing and is not listed.
    async getEntities() {
      return { items: files().length ? [location] : [] };
    },
    async refreshEntity(ref: string) {
      if (ref !== `location:default/${name}`) {
        throw Object.assign(new Error(`No entity ${ref}`), {
          name: 'NotFoundError',
        });
      }
      refreshed.push(ref);
      for (const file of files()) {
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
    target,
  };
}
