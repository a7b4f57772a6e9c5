/**
 * The `@kubernetes/client-node` module, as {@link loadClientNode} returns it.
 *
 * @public
 */
export type ClientNode = typeof import('@kubernetes/client-node');

let cached: Promise<ClientNode> | undefined;

/**
 * Loads `@kubernetes/client-node` (ESM-only) from CommonJS code, once.
 *
 * At run time this is a real dynamic `import()`. Jest (Backstage's config)
 * cannot run dynamic imports without `--experimental-vm-modules`, but it
 * transpiles ESM files under node_modules to CommonJS, so under Jest the
 * package is loaded with `require` instead.
 *
 * @public
 */
export function loadClientNode(): Promise<ClientNode> {
  if (!cached) {
    if (process.env.JEST_WORKER_ID !== undefined) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      cached = Promise.resolve(
        require('@kubernetes/client-node') as ClientNode,
      );
    } else {
      cached = import('@kubernetes/client-node');
    }
  }
  return cached;
}
