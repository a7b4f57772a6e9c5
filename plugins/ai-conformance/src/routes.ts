import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The fleet page (legacy frontend system).
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'ai-conformance' });
