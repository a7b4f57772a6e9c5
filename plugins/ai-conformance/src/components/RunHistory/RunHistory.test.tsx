import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { sampleRun } from '../../__testUtils__/fixtures';
import { RunHistory } from './RunHistory';

describe('RunHistory', () => {
  it('marks runs that verified with workloads', async () => {
    await renderInTestApp(
      <RunHistory
        runs={[
          sampleRun({ runId: 'a', mode: 'active' }),
          sampleRun({ runId: 'p', trigger: 'schedule' }),
        ]}
      />,
    );
    expect(screen.getByText('user · with workloads')).toBeInTheDocument();
    expect(screen.getByText('schedule')).toBeInTheDocument();
  });
});
