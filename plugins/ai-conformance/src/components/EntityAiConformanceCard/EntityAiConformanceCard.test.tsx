import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { baseUrl, renderWithApis } from '../../__testUtils__/renderWithApis';
import { sampleReport, sampleRun } from '../../__testUtils__/fixtures';
import { EntityAiConformanceCard } from './EntityAiConformanceCard';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);
const clusterUrl = `${baseUrl}/clusters/default/gke-ai-prod`;

describe('EntityAiConformanceCard', () => {
  it('shows the verdict, MUST and SHOULD counts and links to the tab', async () => {
    server.use(
      http.get(clusterUrl, () =>
        HttpResponse.json({
          entityRef: 'resource:default/gke-ai-prod',
          report: sampleReport(),
          lastRun: sampleRun(),
          level: {
            level: 'none',
            missing: ['MUST requirements fail: dra_support'],
          },
        }),
      ),
    );
    await renderWithApis(<EntityAiConformanceCard />);
    expect(await screen.findByText('Not conformant')).toBeInTheDocument();
    expect(screen.getByLabelText('Level: No level')).toHaveAttribute(
      'data-level',
      'none',
    );
    expect(screen.getByLabelText('MUST: 1 of 3')).toHaveTextContent('1/3');
    expect(screen.getByLabelText('SHOULD: 1 of 1')).toHaveTextContent('1/1');
    expect(screen.getByText(/Last checked/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /View AI Conformance/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/gke-ai-prod/ai-conformance',
    );
  });

  it('says when the cluster was never checked', async () => {
    server.use(
      http.get(clusterUrl, () =>
        HttpResponse.json({
          entityRef: 'resource:default/gke-ai-prod',
          report: null,
          lastRun: null,
          level: null,
        }),
      ),
    );
    await renderWithApis(<EntityAiConformanceCard />);
    expect(await screen.findByText(/Never checked/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/^Level:/)).toBeNull();
  });

  it('says when the backend forbids reading the results', async () => {
    server.use(
      http.get(clusterUrl, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'no' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await renderWithApis(<EntityAiConformanceCard />);
    expect(
      await screen.findByText(/You don't have access/),
    ).toBeInTheDocument();
  });
});
