import type {
  AggregatedDiscoveryFault,
  FaultSpec,
  MalformedBodyFault,
} from '../types';

/** What the faults decided for one request. */
export interface FaultDecision {
  delayMs: number;
  action?: 'hang' | 'reset' | 'malformed' | { status: number };
  /** Applied to an aggregated discovery answer (first matching fault). */
  aggregatedDiscovery?: AggregatedDiscoveryFault;
  /** Applied to a 200 JSON answer (first matching fault). */
  malformedBody?: MalformedBodyFault;
  /** Bytes of a streamed oversized answer (first matching fault). */
  oversizedBody?: number;
  /** Status of an answer echoing the request (first matching fault). */
  echoRequest?: number;
}

/** A fault with a status and no rate fails every request. */
function rateOf(spec: FaultSpec): number {
  return spec.errorRate ?? (spec.status !== undefined ? 1 : 0);
}

interface CompiledFault {
  spec: FaultSpec;
  path?: RegExp;
  query?: RegExp;
  accept?: RegExp;
  except: RegExp[];
  /** Matching requests left before the fault clears (`times`). */
  remaining?: number;
}

/** What a fault can match besides the path. */
export interface FaultRequest {
  /** The raw query string, without `?`. */
  query?: string;
  /** The `Accept` header. */
  accept?: string;
}

const AGGREGATED_DISCOVERY_FAULTS = [
  'truncated',
  'unsupported',
  'malformed',
  'wrong-content-type',
  'missing-groups',
  '503',
  '406',
];
const MALFORMED_BODY_FAULTS = ['truncated', 'not-json', 'wrong-shape'];

/** Throws on an unknown `aggregatedDiscovery` or `malformedBody` value. */
function checkBodyFaults(spec: FaultSpec) {
  const a = spec.aggregatedDiscovery;
  if (a !== undefined && !AGGREGATED_DISCOVERY_FAULTS.includes(String(a)))
    throw new Error(
      `Unknown aggregatedDiscovery fault "${a}" (one of ${AGGREGATED_DISCOVERY_FAULTS.join(
        ', ',
      )})`,
    );
  const m = spec.malformedBody;
  if (m !== undefined && !MALFORMED_BODY_FAULTS.includes(m))
    throw new Error(
      `Unknown malformedBody fault "${m}" (one of ${MALFORMED_BODY_FAULTS.join(
        ', ',
      )})`,
    );
}

/** Throws on an `oversizedBody` that is not a byte count or an `echoRequest` that is not an error status. */
function checkStreamFaults(spec: FaultSpec) {
  const o = spec.oversizedBody;
  if (o !== undefined && !(Number.isInteger(o) && o > 0))
    throw new Error(
      `oversizedBody must be a positive number of bytes, got ${o}`,
    );
  const e = spec.echoRequest;
  if (e !== undefined && !(Number.isInteger(e) && e >= 400 && e <= 599))
    throw new Error(`echoRequest must be an error status (400-599), got ${e}`);
  const t = spec.times;
  if (t !== undefined && !(Number.isInteger(t) && t > 0))
    throw new Error(`times must be a positive whole number, got ${t}`);
}

/** Matches a request path against a cluster's faults and decides what happens to it. */
export class FaultInjector {
  private faults: CompiledFault[] = [];

  constructor(
    faults: FaultSpec[] = [],
    private readonly random: () => number = Math.random,
  ) {
    this.set(faults);
  }

  set(faults: FaultSpec[]) {
    faults.forEach(checkBodyFaults);
    faults.forEach(checkStreamFaults);
    this.faults = faults.map(spec => ({
      spec,
      path: spec.path ? new RegExp(spec.path) : undefined,
      query: spec.query ? new RegExp(spec.query) : undefined,
      accept: spec.accept ? new RegExp(spec.accept) : undefined,
      except: (spec.except ?? []).map(e => new RegExp(e)),
      remaining: spec.times,
    }));
  }

  decide(path: string, request: FaultRequest = {}): FaultDecision {
    const decision: FaultDecision = { delayMs: 0 };
    for (const fault of this.faults) {
      const { spec, path: re, except } = fault;
      if (re && !re.test(path)) continue;
      if (except.some(e => e.test(path))) continue;
      if (fault.query && !fault.query.test(request.query ?? '')) continue;
      if (fault.accept && !fault.accept.test(request.accept ?? '')) continue;
      if (fault.remaining !== undefined) {
        if (fault.remaining <= 0) continue;
        fault.remaining--;
      }
      decision.delayMs +=
        (spec.latencyMs ?? 0) +
        (spec.jitterMs ? this.random() * spec.jitterMs : 0);
      decision.aggregatedDiscovery ??= spec.aggregatedDiscovery;
      decision.malformedBody ??= spec.malformedBody;
      decision.oversizedBody ??= spec.oversizedBody;
      decision.echoRequest ??= spec.echoRequest;
      if (decision.action) continue;
      if (spec.reset) decision.action = 'reset';
      else if (spec.hang) decision.action = 'hang';
      else if (rateOf(spec) > 0 && this.random() < rateOf(spec)) {
        decision.action = { status: spec.status ?? 500 };
      } else if (spec.malformed) decision.action = 'malformed';
    }
    return decision;
  }
}
