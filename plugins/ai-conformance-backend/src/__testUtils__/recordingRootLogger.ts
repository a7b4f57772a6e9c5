import {
  coreServices,
  createServiceFactory,
  type LoggerService,
} from '@backstage/backend-plugin-api';

/** Every line logged through a {@link recordingRootLogger}, serialised. */
export type LogLines = string[];

function recordingLogger(lines: LogLines, meta: object): LoggerService {
  const write =
    (level: string) => (message: string, extra?: Error | object) => {
      lines.push(
        JSON.stringify({
          level,
          message,
          ...meta,
          ...(extra instanceof Error
            ? { error: extra.message, stack: extra.stack }
            : extra),
        }),
      );
    };
  return {
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: write('debug'),
    child: childMeta => recordingLogger(lines, { ...meta, ...childMeta }),
  };
}

/** A root logger factory that keeps every log line (all levels) in `lines`. */
export function recordingRootLogger(lines: LogLines) {
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => recordingLogger(lines, {}),
  });
}
