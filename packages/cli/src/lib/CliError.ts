/**
 * Exit codes of the ai-conformance command.
 * - 0: conformant (or nothing at or above the `--fail-on` level failed)
 * - 1: not conformant
 * - 2: incomplete (the engine could not tell)
 * - 3: usage, input or connection error
 */
export type ExitCode = 0 | 1 | 2 | 3;

export const EXIT_OK: ExitCode = 0;
export const EXIT_NOT_CONFORMANT: ExitCode = 1;
export const EXIT_INCOMPLETE: ExitCode = 2;
export const EXIT_USAGE: ExitCode = 3;

/** An error the command reports as one line on stderr, with an exit code. */
export class CliError extends Error {
  readonly exitCode: ExitCode;

  constructor(message: string, exitCode: ExitCode = EXIT_USAGE) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
