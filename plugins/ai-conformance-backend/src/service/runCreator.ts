import type {
  BackstageCredentials,
  BackstageNonePrincipal,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import type { RunTrigger } from '@ai-conformance/plugin-ai-conformance-common';

type Principal =
  | BackstageUserPrincipal
  | BackstageServicePrincipal
  | BackstageNonePrincipal;

/** The caller as a run records it: a user's entity ref or a service's subject. */
export function principalRef(
  credentials: BackstageCredentials,
): string | undefined {
  const principal = credentials.principal as Principal;
  if (principal.type === 'user') return principal.userEntityRef;
  if (principal.type === 'service') return principal.subject;
  return undefined;
}

/**
 * The trigger and `createdBy` of a run started with these credentials: a
 * user starts a `user` run; a service (scheduler, another plugin) a
 * `schedule` run.
 */
export function runCreator(credentials: BackstageCredentials): {
  trigger: Extract<RunTrigger, 'user' | 'schedule'>;
  createdBy?: string;
} {
  const isUser = (credentials.principal as Principal).type === 'user';
  const createdBy = principalRef(credentials);
  return {
    trigger: isUser ? 'user' : 'schedule',
    ...(createdBy === undefined ? {} : { createdBy }),
  };
}
