import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { EntityAcceleratorMetricsCard } from './EntityAcceleratorMetricsCard';
import {
  acceleratorsUrl,
  renderWithAcceleratorApi,
  sampleAccelerators,
} from './__testUtils__/acceleratorFixtures';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

describe('EntityAcceleratorMetricsCard', () => {
  it('shows each pool with its allocation, current utilization and the last hour chart', async () => {
    server.use(
      http.get(acceleratorsUrl, () => HttpResponse.json(sampleAccelerators())),
    );
    await renderWithAcceleratorApi(<EntityAcceleratorMetricsCard />);
    expect(
      await screen.findByText('l4-pool · nvidia-l4 · 2 node(s) · 62.5% busy'),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('nvidia.com/gpu: 3 of 4 allocated'),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('GPU utilization, last hour: l4-pool 62.5%'),
    ).toBeInTheDocument();
  });

  it('shows allocation without a chart when no metrics source is configured', async () => {
    server.use(
      http.get(acceleratorsUrl, () =>
        HttpResponse.json(
          sampleAccelerators({ series: null, source: { type: 'none' } }),
        ),
      ),
    );
    await renderWithAcceleratorApi(<EntityAcceleratorMetricsCard />);
    expect(
      await screen.findByText(/No metrics source configured/),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText(/GPU utilization/)).not.toBeInTheDocument();
    expect(
      screen.getByLabelText('nvidia.com/gpu: 3 of 4 allocated'),
    ).toBeInTheDocument();
  });

  it('says when the cluster has no accelerators', async () => {
    const data = sampleAccelerators({ series: null, source: { type: 'none' } });
    data.inventory = {
      ...data.inventory!,
      pools: [],
      totals: [],
      acceleratorNodes: 0,
    };
    server.use(http.get(acceleratorsUrl, () => HttpResponse.json(data)));
    await renderWithAcceleratorApi(<EntityAcceleratorMetricsCard />);
    expect(await screen.findByText('No accelerators')).toBeInTheDocument();
  });
});
