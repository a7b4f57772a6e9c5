import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  RunMode,
  RunRecord,
} from '@ai-conformance/plugin-ai-conformance-common';
import { aiConformanceApiRef } from '../api';

/** The state of the run the tab started or found in progress. */
export interface CheckRunState {
  /** The latest poll of the run; undefined before the first answer. */
  run?: RunRecord;
  /** Starting or polling failed (a failed run is in `run.error`). */
  error?: Error;
  /** True from the click until the run has finished. */
  active: boolean;
  /** `mode: 'active'` also runs test workloads ("Verify with workloads"). */
  start(options?: {
    requirementsVersion?: string;
    mode?: RunMode;
  }): Promise<void>;
  /** Follows a run someone else started (e.g. found as the last run). */
  follow(runId: string): void;
}

function isFinished(run: RunRecord | undefined): boolean {
  return run?.status === 'succeeded' || run?.status === 'failed';
}

/**
 * Starts a check run and polls `GET /runs/:id` until it has finished, then
 * calls `onFinished` (e.g. to reload the report and history).
 */
export function useCheckRun(options: {
  entity: CompoundEntityRef;
  onFinished?: (run: RunRecord) => void;
  pollIntervalMs?: number;
}): CheckRunState {
  const api = useApi(aiConformanceApiRef);
  const { entity, pollIntervalMs = 1000 } = options;
  const onFinished = useRef(options.onFinished);
  onFinished.current = options.onFinished;
  const [runId, setRunId] = useState<string>();
  const [run, setRun] = useState<RunRecord>();
  const [error, setError] = useState<Error>();
  const [starting, setStarting] = useState(false);

  const start = useCallback(
    async (startOptions?: { requirementsVersion?: string; mode?: RunMode }) => {
      setStarting(true);
      setError(undefined);
      setRun(undefined);
      try {
        const created = await api.startRun(entity, startOptions);
        setRunId(created.runId);
      } catch (e) {
        setError(e as Error);
      } finally {
        setStarting(false);
      }
    },
    [api, entity],
  );

  const follow = useCallback((id: string) => {
    setError(undefined);
    setRunId(current => current ?? id);
  }, []);

  useEffect(() => {
    if (!runId) return undefined;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const latest = await api.getRun(runId);
        if (cancelled) return;
        setRun(latest);
        if (isFinished(latest)) {
          setRunId(undefined);
          onFinished.current?.(latest);
          return;
        }
      } catch (e) {
        if (cancelled) return;
        setError(e as Error);
        setRunId(undefined);
        return;
      }
      timer = setTimeout(poll, pollIntervalMs);
    };
    poll();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, runId, pollIntervalMs]);

  return {
    run,
    error,
    active: starting || runId !== undefined,
    start,
    follow,
  };
}
