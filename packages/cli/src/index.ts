/**
 * The ai-conformance command: checks Kubernetes clusters against the CNCF
 * Kubernetes AI Conformance checklist from a terminal or CI.
 * @packageDocumentation
 */
import { runCli } from './program';

runCli(process.argv).then(code => {
  // Exit explicitly: a hanging API server may keep sockets open.
  process.exit(code);
});
