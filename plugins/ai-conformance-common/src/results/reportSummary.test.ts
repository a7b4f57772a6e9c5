import type { RequirementLevel, RequirementStatus } from '../types';
import { computeVerdict, countReport } from './reportSummary';
import {
  notApplicableCaveat,
  toCncfStatus,
  fromCncfStatus,
} from './cncfStatus';

const r = (level: RequirementLevel, status: RequirementStatus) => ({
  level,
  status,
});

describe('computeVerdict', () => {
  it('is not-conformant when any MUST fails, whatever else', () => {
    expect(
      computeVerdict([
        r('MUST', 'pass'),
        r('MUST', 'unknown'),
        r('MUST', 'fail'),
      ]),
    ).toBe('not-conformant');
  });

  it('is incomplete when a MUST is unknown or partial', () => {
    expect(computeVerdict([r('MUST', 'pass'), r('MUST', 'unknown')])).toBe(
      'incomplete',
    );
    expect(computeVerdict([r('MUST', 'partial')])).toBe('incomplete');
  });

  it('is conformant when every MUST passes or does not apply, ignoring SHOULDs', () => {
    expect(
      computeVerdict([
        r('MUST', 'pass'),
        r('MUST', 'not-applicable'),
        r('SHOULD', 'fail'),
        r('SHOULD', 'unknown'),
      ]),
    ).toBe('conformant');
  });
});

describe('countReport', () => {
  it('counts pass and not-applicable as passed, everything in totals', () => {
    expect(
      countReport({
        requirements: [
          r('MUST', 'pass'),
          r('MUST', 'not-applicable'),
          r('MUST', 'fail'),
          r('MUST', 'unknown'),
          r('SHOULD', 'partial'),
          r('SHOULD', 'pass'),
        ],
      }),
    ).toEqual({ mustPassed: 2, mustTotal: 4, shouldPassed: 1, shouldTotal: 2 });
  });
});

describe('CNCF statuses', () => {
  it('maps engine statuses both ways', () => {
    expect(toCncfStatus('pass')).toBe('Implemented');
    expect(toCncfStatus('fail')).toBe('Not Implemented');
    expect(toCncfStatus('partial')).toBe('Partially Implemented');
    expect(toCncfStatus('not-applicable')).toBe('N/A');
    expect(toCncfStatus('unknown')).toBeUndefined();
    expect(fromCncfStatus('N/A')).toBe('not-applicable');
    expect(fromCncfStatus('')).toBe('unknown');
  });

  it('warns that the validator rejects N/A on MUSTs', () => {
    expect(notApplicableCaveat('MUST')).toMatch(/validator rejects N\/A/);
    expect(notApplicableCaveat('SHOULD')).not.toMatch(/validator/);
  });
});
