import { makeReport } from '../__testUtils__/reportFixtures';
import { exitCodeForReport, exitCodeForResults, parseFailOn } from './failOn';

describe('exitCodeForReport', () => {
  const conformant = makeReport('1.35');
  const shouldFails = makeReport('1.35', { gpu_sharing: 'fail' });
  const shouldUnknown = makeReport('1.35', { gpu_sharing: 'unknown' });
  const mustFails = makeReport('1.35', {
    ai_inference: 'fail',
    gang_scheduling: 'unknown',
  });
  const mustUnknown = makeReport('1.35', { gang_scheduling: 'unknown' });

  it('with --fail-on must, gates on the verdict only', () => {
    expect(exitCodeForReport(conformant, 'must')).toBe(0);
    expect(exitCodeForReport(shouldFails, 'must')).toBe(0);
    expect(exitCodeForReport(mustFails, 'must')).toBe(1);
    expect(exitCodeForReport(mustUnknown, 'must')).toBe(2);
  });

  it('with --fail-on should, also gates on SHOULDs', () => {
    expect(exitCodeForReport(conformant, 'should')).toBe(0);
    expect(exitCodeForReport(shouldFails, 'should')).toBe(1);
    expect(exitCodeForReport(shouldUnknown, 'should')).toBe(2);
    expect(exitCodeForReport(mustFails, 'should')).toBe(1);
  });

  it('with --fail-on none, is always 0', () => {
    expect(exitCodeForReport(mustFails, 'none')).toBe(0);
    expect(exitCodeForReport(mustUnknown, 'none')).toBe(0);
  });
});

describe('exitCodeForResults', () => {
  it('ranks connection errors, then failures, then incomplete', () => {
    const ok = { context: 'a', report: makeReport('1.34') };
    const bad = {
      context: 'b',
      report: makeReport('1.34', { ai_inference: 'fail' }),
    };
    const unsure = {
      context: 'c',
      report: makeReport('1.34', { ai_inference: 'unknown' }),
    };
    const down = {
      context: 'd',
      error: { reason: 'unreachable', message: 'connection refused' },
    };
    expect(exitCodeForResults([ok], 'must')).toBe(0);
    expect(exitCodeForResults([ok, unsure], 'must')).toBe(2);
    expect(exitCodeForResults([unsure, bad], 'must')).toBe(1);
    expect(exitCodeForResults([bad, down], 'must')).toBe(3);
    expect(exitCodeForResults([bad, down], 'none')).toBe(3);
  });
});

describe('parseFailOn', () => {
  it('accepts the three levels and rejects others', () => {
    expect(parseFailOn('should')).toBe('should');
    expect(() => parseFailOn('may')).toThrow(/must, should, none/);
  });
});
