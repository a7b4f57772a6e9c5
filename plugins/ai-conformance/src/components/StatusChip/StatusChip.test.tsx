import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { StatusChip } from './StatusChip';

describe('StatusChip', () => {
  it.each([
    ['pass', 'Pass'],
    ['fail', 'Fail'],
    ['partial', 'Partial'],
    ['not-applicable', 'Not applicable'],
    ['unknown', 'Unknown'],
  ])('shows %s as "%s" with its description', async (status, label) => {
    await renderInTestApp(<StatusChip status={status} />);
    const chip = screen.getByText(label).closest('[data-status]');
    expect(chip).toHaveAttribute('data-status', status);
    expect(chip).toHaveAttribute('title');
  });

  it('shows a status it does not know as its raw text', async () => {
    await renderInTestApp(<StatusChip status="skipped" />);
    expect(screen.getByText('skipped')).toBeInTheDocument();
  });
});
