import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { AcceleratorMetricsSection } from './AcceleratorMetricsSection';
import {
  acceleratorsUrl,
  renderWithAcceleratorApi,
  sampleAccelerators,
} from './__testUtils__/acceleratorFixtures';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

describe('AcceleratorMetricsSection', () => {
  it('shows the inventory with allocation bars and the four charts', async () => {
    server.use(
      http.get(acceleratorsUrl, () => HttpResponse.json(sampleAccelerators())),
    );
    await renderWithAcceleratorApi(<AcceleratorMetricsSection />);
    expect(await screen.findByText('l4-pool')).toBeInTheDocument();
    expect(
      screen.getByLabelText('nvidia.com/gpu: 3 of 4 allocated'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('1 of 2 nodes ready')).toBeInTheDocument();
    expect(screen.getByText('2 accelerator node(s) of 5')).toBeInTheDocument();
    expect(
      screen.getByLabelText(
        'GPU utilization (average per pool): l4-pool 62.5%',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText(
        'Framebuffer memory used (per pool): l4-pool 12 GiB',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('Power draw (per pool): l4-pool 130 W'),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText(
        'Temperature (hottest GPU per pool): l4-pool 61 °C',
      ),
    ).toBeInTheDocument();
  });

  it('asks the backend for the chosen range', async () => {
    const ranges: string[] = [];
    server.use(
      http.get(acceleratorsUrl, ({ request }) => {
        ranges.push(new URL(request.url).searchParams.get('range')!);
        return HttpResponse.json(sampleAccelerators());
      }),
    );
    await renderWithAcceleratorApi(<AcceleratorMetricsSection />);
    await screen.findByText('l4-pool');
    await userEvent.click(screen.getByRole('button', { name: 'Last 24h' }));
    await waitFor(() => expect(ranges).toEqual(['1h', '24h']));
    expect(
      await screen.findByText('Utilization (last 24h)'),
    ).toBeInTheDocument();
  });

  it('explains how to add a metrics source when none is configured', async () => {
    server.use(
      http.get(acceleratorsUrl, () =>
        HttpResponse.json(
          sampleAccelerators({ series: null, source: { type: 'none' } }),
        ),
      ),
    );
    await renderWithAcceleratorApi(<AcceleratorMetricsSection />);
    expect(
      await screen.findByText('No metrics source configured'),
    ).toBeInTheDocument();
    expect(screen.getByText(/aiConformance:/)).toBeInTheDocument();
    expect(screen.getByText('l4-pool')).toBeInTheDocument();
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
    await renderWithAcceleratorApi(<AcceleratorMetricsSection />);
    expect(await screen.findByText('No accelerators')).toBeInTheDocument();
    expect(
      screen.getByText(/None of the cluster's 5 nodes/),
    ).toBeInTheDocument();
  });

  it('keeps the inventory and shows the error when Prometheus fails', async () => {
    server.use(
      http.get(acceleratorsUrl, () =>
        HttpResponse.json(
          sampleAccelerators({
            series: null,
            errors: [
              { source: 'prometheus', message: 'no answer within 5000 ms' },
            ],
          }),
        ),
      ),
    );
    await renderWithAcceleratorApi(<AcceleratorMetricsSection />);
    expect(
      await screen.findByText(/no answer within 5000 ms/),
    ).toBeInTheDocument();
    expect(screen.getByText('Metrics could not be read:')).toBeInTheDocument();
    expect(screen.getByText('l4-pool')).toBeInTheDocument();
    expect(
      screen.getByText('No metrics to show (see the messages above).'),
    ).toBeInTheDocument();
  });

  it('says when the caller may not read the cluster', async () => {
    server.use(
      http.get(acceleratorsUrl, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'no' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await renderWithAcceleratorApi(<AcceleratorMetricsSection />);
    expect(
      await screen.findByText(
        /You don't have access to AI Conformance results/,
      ),
    ).toBeInTheDocument();
  });
});
