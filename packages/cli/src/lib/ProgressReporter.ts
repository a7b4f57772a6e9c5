import type { Styler } from './style';

export interface ProgressEvent {
  phase: string;
  done: number;
  total: number;
}

/**
 * Progress on stderr. On a terminal, one line per context rewritten in
 * place; otherwise plain lines, one per phase change and one at the end.
 * Never writes to stdout.
 */
export class ProgressReporter {
  private readonly stream: NodeJS.WritableStream;
  private readonly tty: boolean;
  private readonly style: Styler;
  private readonly enabled: boolean;
  private lastPhase = new Map<string, string>();
  private lineOpen = false;

  constructor(options: {
    stream: NodeJS.WritableStream;
    tty: boolean;
    style: Styler;
    enabled?: boolean;
  }) {
    this.stream = options.stream;
    this.tty = options.tty;
    this.style = options.style;
    this.enabled = options.enabled ?? true;
  }

  private clear() {
    if (this.lineOpen) {
      this.stream.write('\r\u001b[2K');
      this.lineOpen = false;
    }
  }

  /** A line that stays (warnings, notes). */
  line(text: string) {
    if (!this.enabled) return;
    this.clear();
    this.stream.write(`${text}\n`);
  }

  start(context: string, detail: string) {
    this.line(`${this.style('bold', `[${context}]`)} ${detail}`);
  }

  update(context: string, event: ProgressEvent) {
    if (!this.enabled) return;
    const counts = event.total > 0 ? ` ${event.done}/${event.total}` : '';
    if (this.tty) {
      this.clear();
      this.stream.write(
        `${this.style('bold', `[${context}]`)} ${event.phase}${counts}`,
      );
      this.lineOpen = true;
      return;
    }
    if (this.lastPhase.get(context) !== event.phase) {
      this.lastPhase.set(context, event.phase);
      this.stream.write(
        `[${context}] ${event.phase}${
          event.total > 0 ? ` (${event.total})` : ''
        }\n`,
      );
    }
  }

  finish(context: string, summary: string) {
    this.lastPhase.delete(context);
    this.line(`${this.style('bold', `[${context}]`)} ${summary}`);
  }

  /** Ends an open in-place line before the process exits. */
  close() {
    if (this.enabled) this.clear();
  }
}
