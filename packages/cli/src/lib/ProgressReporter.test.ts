import { PassThrough } from 'node:stream';
import { ProgressReporter } from './ProgressReporter';
import { createStyler } from './style';

function capture() {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', c => chunks.push(String(c)));
  return { stream, text: () => chunks.join('') };
}

describe('ProgressReporter', () => {
  it('writes one plain line per phase change when not a terminal', () => {
    const out = capture();
    const p = new ProgressReporter({
      stream: out.stream,
      tty: false,
      style: createStyler(false),
    });
    p.start('a', 'connecting to https://x');
    p.update('a', { phase: 'discovery', done: 0, total: 1 });
    p.update('a', { phase: 'reads', done: 1, total: 20 });
    p.update('a', { phase: 'reads', done: 2, total: 20 });
    p.finish('a', 'conformant');
    p.close();
    expect(out.text()).toBe(
      '[a] connecting to https://x\n[a] discovery (1)\n[a] reads (20)\n[a] conformant\n',
    );
  });

  it('rewrites one line in place on a terminal', () => {
    const out = capture();
    const p = new ProgressReporter({
      stream: out.stream,
      tty: true,
      style: createStyler(false),
    });
    p.update('a', { phase: 'reads', done: 1, total: 2 });
    p.update('a', { phase: 'reads', done: 2, total: 2 });
    p.finish('a', 'done');
    expect(out.text()).toBe(
      '[a] reads 1/2\r\u001b[2K[a] reads 2/2\r\u001b[2K[a] done\n',
    );
  });
});
