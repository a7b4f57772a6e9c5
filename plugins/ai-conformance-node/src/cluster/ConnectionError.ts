import { CustomErrorBase } from '@backstage/errors';

/**
 * Why a cluster could not be reached or used; one short cause each.
 *
 * @public
 */
export type ConnectionErrorReason =
  | 'kubeconfig-not-found'
  | 'context-not-found'
  | 'invalid-config'
  | 'tls'
  | 'unauthorized'
  | 'unreachable'
  | 'timeout';

/**
 * A cluster connection failed. `reason` lets callers print a one-line cause;
 * the message never contains credentials.
 *
 * @public
 */
export class ConnectionError extends CustomErrorBase {
  name = 'ConnectionError' as const;
  readonly reason: ConnectionErrorReason;

  constructor(reason: ConnectionErrorReason, message: string, cause?: unknown) {
    super(message, cause);
    this.reason = reason;
  }
}
