import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';

/**
 * An action context for unit tests of scaffolder actions: a mock logger,
 * outputs collected in `outputs`, a real temporary workspace.
 */
export function createMockActionContext<TInput extends JsonObject>(options: {
  input: TInput;
  isDryRun?: boolean;
  workspacePath?: string;
}) {
  const outputs: Record<string, unknown> = {};
  const workspacePath =
    options.workspacePath ??
    fs.mkdtempSync(path.join(os.tmpdir(), 'ai-conformance-scaffolder-'));
  const ctx: ActionContext<TInput, JsonObject> & {
    outputs: Record<string, unknown>;
  } = {
    input: options.input,
    isDryRun: options.isDryRun ?? false,
    logger: mockServices.logger.mock(),
    workspacePath,
    outputs,
    output(name, value) {
      outputs[String(name)] = value;
    },
    async createTemporaryDirectory() {
      return fs.mkdtempSync(path.join(os.tmpdir(), 'ai-conformance-tmp-'));
    },
    async checkpoint(opts) {
      return opts.fn();
    },
    async getInitiatorCredentials() {
      return mockCredentials.user();
    },
    task: { id: 'task-1' },
  };
  return ctx;
}
