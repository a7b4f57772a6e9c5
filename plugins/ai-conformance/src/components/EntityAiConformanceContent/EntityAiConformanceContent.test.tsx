import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ClusterDetail } from '@ai-conformance/plugin-ai-conformance-common';
import {
  baseUrl,
  renderWithApis,
  runPermissionChecks,
} from '../../__testUtils__/renderWithApis';
import { sampleReport, sampleRun } from '../../__testUtils__/fixtures';
import {
  clusterUrl,
  entityRef,
  serveClusterTab,
} from '../../__testUtils__/serveClusterTab';
import { EntityAiConformanceContent } from './EntityAiConformanceContent';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

const serveDetail = (
  detail: Partial<ClusterDetail> | (() => Partial<ClusterDetail>),
) => serveClusterTab(server, detail);

const errorBody = (name: string, message: string, statusCode: number) => ({
  error: { name, message },
  request: { method: 'GET', url: '/clusters/default/gke-ai-prod' },
  response: { statusCode },
});

/**
 * Captures the files the tab downloads (their blobs and names) instead of
 * handing them to the browser; `restore` puts the anchor's click back.
 */
const captureDownloads = () => {
  const blobs: Blob[] = [];
  const names: string[] = [];
  URL.createObjectURL = jest.fn((blob: Blob) => {
    blobs.push(blob);
    return 'blob:download';
  });
  URL.revokeObjectURL = jest.fn();
  const click = jest
    .spyOn(HTMLAnchorElement.prototype, 'click')
    .mockImplementation(function recordDownload(this: HTMLAnchorElement) {
      names.push(this.download);
    });
  return { blobs, names, restore: () => click.mockRestore() };
};

describe('EntityAiConformanceContent', () => {
  it('shows progress while loading', async () => {
    server.use(
      http.get(clusterUrl, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
      http.get(`${clusterUrl}/runs`, () => HttpResponse.json({ items: [] })),
    );
    await renderWithApis(<EntityAiConformanceContent />);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('offers to run the checks when the cluster was never checked', async () => {
    serveDetail({});
    await renderWithApis(<EntityAiConformanceContent />);
    expect(await screen.findByText('Never checked')).toBeInTheDocument();
    expect(
      screen.getByText(/no AI Conformance report for checklist v1\.34/),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: /Run checks/ }),
    ).toBeEnabled();
  });

  it('does not offer the run button without ai-conformance.run.create', async () => {
    serveDetail({ report: sampleReport() });
    await renderWithApis(<EntityAiConformanceContent />, { canRun: false });
    expect(await screen.findByText('Not conformant')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Export/ })).toBeInTheDocument();
    await waitFor(() => expect(runPermissionChecks).toContain('DENY'));
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: /Run checks/ }),
      ).not.toBeInTheDocument(),
    );
  });

  it('does not offer the run button on a never-checked cluster without permission', async () => {
    serveDetail({});
    await renderWithApis(<EntityAiConformanceContent />, { canRun: false });
    expect(await screen.findByText('Never checked')).toBeInTheDocument();
    await waitFor(() => expect(runPermissionChecks).toContain('DENY'));
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: /Run checks/ }),
      ).not.toBeInTheDocument(),
    );
  });

  it('says clearly when the backend forbids reading the results', async () => {
    server.use(
      http.get(clusterUrl, () =>
        HttpResponse.json(errorBody('NotAllowedError', 'Unauthorized', 403), {
          status: 403,
        }),
      ),
      http.get(`${clusterUrl}/runs`, () => HttpResponse.json({ items: [] })),
    );
    await renderWithApis(<EntityAiConformanceContent />);
    expect(
      await screen.findByText(
        /You don't have access to AI Conformance results/,
      ),
    ).toBeInTheDocument();
  });

  it('shows the response error panel for other errors', async () => {
    server.use(
      http.get(clusterUrl, () =>
        HttpResponse.json(errorBody('Error', 'database is down', 500), {
          status: 500,
        }),
      ),
      http.get(`${clusterUrl}/runs`, () => HttpResponse.json({ items: [] })),
    );
    await renderWithApis(<EntityAiConformanceContent />);
    expect(
      (await screen.findAllByText(/database is down/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText(/don't have access/)).not.toBeInTheDocument();
  });

  it('renders the verdict, findings and requirements grouped by category', async () => {
    serveDetail({
      report: sampleReport(),
      lastRun: sampleRun(),
      level: { level: 'none', missing: ['MUST requirements fail: x'] },
    });
    await renderWithApis(<EntityAiConformanceContent />);
    const banner = await screen.findByRole('region', { name: 'Verdict' });
    expect(within(banner).getByText('Not conformant')).toBeInTheDocument();
    expect(
      within(banner).getByLabelText('Level: No level'),
    ).toBeInTheDocument();
    expect(within(banner).getByText('Checklist').nextSibling).toHaveTextContent(
      'v1.34',
    );
    expect(within(banner).getByText('GKE')).toBeInTheDocument();
    expect(within(banner).getByText('v1.34.1-gke.1829001')).toBeInTheDocument();
    expect(within(banner).getByText('1/3')).toBeInTheDocument();
    expect(
      within(banner).getByText(
        /older than the certified 1\.34\.0-gke\.1662000/,
      ),
    ).toBeInTheDocument();

    const networking = screen.getByRole('region', { name: 'Networking' });
    const row = within(networking)
      .getByText('Inference ingress (Gateway API)')
      .closest('[data-requirement]')!;
    expect(row).toHaveAttribute('data-requirement', 'ai_inference');
    expect(within(row as HTMLElement).getByText('Fail')).toBeInTheDocument();
    expect(within(row as HTMLElement).getByText('MUST')).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Accelerators' }),
    ).toHaveTextContent('Dynamic Resource Allocation');
    expect(
      screen.getByRole('region', { name: 'Scheduling and orchestration' }),
    ).toHaveTextContent('Unknown');
  });

  it('expands a requirement to its evidence, errors and remediation', async () => {
    serveDetail({ report: sampleReport() });
    await renderWithApis(<EntityAiConformanceContent />);
    await screen.findByText('Not conformant');
    expect(
      screen.queryByRole('list', { name: 'Evidence' }),
    ).not.toBeInTheDocument();

    await userEvent.click(screen.getByText('Dynamic Resource Allocation'));
    const evidence = await screen.findByRole('list', { name: 'Evidence' });
    expect(evidence).toHaveTextContent(
      'API group resource.k8s.io/v1 is served',
    );

    await userEvent.click(screen.getByText('Inference ingress (Gateway API)'));
    const remediation = await screen.findByRole('list', {
      name: 'Remediation',
    });
    expect(remediation).toHaveTextContent('--gateway-api=standard');
    expect(
      within(remediation).getByRole('button', { name: 'Copy command' }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByText('Gang scheduling'));
    expect(await screen.findByText('Could not check')).toBeInTheDocument();
    expect(
      screen.getByText('needs list on customresourcedefinitions'),
    ).toBeInTheDocument();
  });

  it('runs the checks, shows progress, then the new results', async () => {
    let finished = false;
    let polls = 0;
    let postedBody: unknown;
    serveDetail(() =>
      finished
        ? {
            report: sampleReport({ verdict: 'conformant' }),
            lastRun: sampleRun(),
          }
        : {},
    );
    server.use(
      http.post(`${clusterUrl}/runs`, async ({ request }) => {
        postedBody = await request.json();
        return HttpResponse.json(
          { runId: 'run-9', status: 'queued' },
          { status: 202 },
        );
      }),
      http.get(`${baseUrl}/runs/run-9`, () => {
        polls += 1;
        if (polls < 3) {
          return HttpResponse.json(
            sampleRun({
              runId: 'run-9',
              status: 'running',
              progress: { done: 3, total: 16, phase: 'reads' },
            }),
          );
        }
        finished = true;
        return HttpResponse.json(
          sampleRun({ runId: 'run-9', status: 'succeeded' }),
        );
      }),
    );
    await renderWithApis(<EntityAiConformanceContent pollIntervalMs={150} />);
    await userEvent.click(
      await screen.findByRole('button', { name: /Run checks/ }),
    );
    expect(
      await screen.findByText('Checking: reads — 3/16'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Check run progress' }),
    ).toHaveAttribute('aria-valuenow', '19');
    expect(
      screen.getByRole('button', { name: /Running checks/ }),
    ).toBeDisabled();
    expect(
      await screen.findByText('Conformant', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Checking:/)).not.toBeInTheDocument();
    expect(postedBody).toEqual({});
  });

  it('shows why a run failed', async () => {
    serveDetail({});
    server.use(
      http.post(`${clusterUrl}/runs`, () =>
        HttpResponse.json({ runId: 'run-f' }, { status: 202 }),
      ),
      http.get(`${baseUrl}/runs/run-f`, () =>
        HttpResponse.json(
          sampleRun({
            runId: 'run-f',
            status: 'failed',
            error: 'Cluster unreachable: connect ECONNREFUSED',
          }),
        ),
      ),
    );
    await renderWithApis(<EntityAiConformanceContent pollIntervalMs={50} />);
    await userEvent.click(
      await screen.findByRole('button', { name: /Run checks/ }),
    );
    expect(await screen.findByText('The run failed')).toBeInTheDocument();
    expect(
      screen.getByText('Cluster unreachable: connect ECONNREFUSED'),
    ).toBeInTheDocument();
  });

  it('explains a refused run', async () => {
    serveDetail({});
    server.use(
      http.post(`${clusterUrl}/runs`, () =>
        HttpResponse.json(errorBody('NotAllowedError', 'denied', 403), {
          status: 403,
        }),
      ),
    );
    await renderWithApis(<EntityAiConformanceContent />);
    await userEvent.click(
      await screen.findByRole('button', { name: /Run checks/ }),
    );
    expect(
      await screen.findByText(
        'You are not allowed to run checks on this cluster.',
      ),
    ).toBeInTheDocument();
  });

  it('loads and runs against the chosen checklist version', async () => {
    const versions: Array<string | null> = [];
    let postedBody: unknown;
    server.use(
      http.get(clusterUrl, ({ request }) => {
        versions.push(new URL(request.url).searchParams.get('version'));
        return HttpResponse.json({ entityRef, report: null, lastRun: null });
      }),
      http.get(`${clusterUrl}/runs`, () => HttpResponse.json({ items: [] })),
      http.post(`${clusterUrl}/runs`, async ({ request }) => {
        postedBody = await request.json();
        return HttpResponse.json(errorBody('ConflictError', 'busy', 409), {
          status: 409,
        });
      }),
    );
    await renderWithApis(<EntityAiConformanceContent />);
    await screen.findByText('Never checked');
    fireEvent.mouseDown(screen.getByLabelText('Checklist version'));
    await userEvent.click(await screen.findByRole('option', { name: 'v1.35' }));
    await screen.findByText(/for checklist v1\.35/);
    expect(versions).toEqual([null, '1.35']);
    await userEvent.click(screen.getByRole('button', { name: /Run checks/ }));
    expect(await screen.findByText('busy')).toBeInTheDocument();
    expect(postedBody).toEqual({ requirementsVersion: '1.35' });
  });

  it('keeps the version selector when a chosen version cannot be loaded', async () => {
    server.use(
      http.get(clusterUrl, ({ request }) =>
        new URL(request.url).searchParams.get('version')
          ? HttpResponse.json(
              errorBody('InputError', 'Unknown query parameter version', 400),
              {
                status: 400,
              },
            )
          : HttpResponse.json({
              entityRef,
              report: sampleReport(),
              lastRun: null,
            }),
      ),
      http.get(`${clusterUrl}/runs`, () => HttpResponse.json({ items: [] })),
    );
    await renderWithApis(<EntityAiConformanceContent />);
    await screen.findByText('Not conformant');
    fireEvent.mouseDown(screen.getByLabelText('Checklist version'));
    await userEvent.click(await screen.findByRole('option', { name: 'v1.36' }));
    expect(
      (await screen.findAllByText(/Unknown query parameter version/)).length,
    ).toBeGreaterThan(0);
    fireEvent.mouseDown(screen.getByLabelText('Checklist version'));
    await userEvent.click(await screen.findByRole('option', { name: 'v1.34' }));
    expect(await screen.findByText('Not conformant')).toBeInTheDocument();
  });

  it('downloads the report as JSON', async () => {
    const report = sampleReport();
    serveDetail({ report });
    const { blobs, names: downloads, restore } = captureDownloads();
    await renderWithApis(<EntityAiConformanceContent />);
    await userEvent.click(
      await screen.findByRole('button', { name: /Export/ }),
    );
    await userEvent.click(
      screen.getByRole('menuitem', { name: 'Report as JSON' }),
    );
    expect(downloads).toEqual(['ai-conformance-gke-ai-prod-v1.34.json']);
    expect(JSON.parse(await blobs[0].text())).toEqual(report);

    await userEvent.click(screen.getByRole('button', { name: /Export/ }));
    await userEvent.click(
      screen.getByRole('menuitem', { name: 'Report as Markdown' }),
    );
    expect(downloads[1]).toBe('ai-conformance-gke-ai-prod-v1.34.md');
    expect(await blobs[1].text()).toContain('- Verdict: **Not conformant**');
    restore();
  });

  it('downloads the PRODUCT.yaml draft from the backend', async () => {
    serveDetail({ report: sampleReport() });
    server.use(
      http.get(
        `${clusterUrl}/self-assessment`,
        () =>
          new HttpResponse('metadata:\n  kubernetesVersion: v1.34\n', {
            headers: { 'Content-Type': 'application/yaml' },
          }),
      ),
    );
    const { blobs, restore } = captureDownloads();
    await renderWithApis(<EntityAiConformanceContent />);
    await userEvent.click(
      await screen.findByRole('button', { name: /Export/ }),
    );
    await userEvent.click(
      screen.getByRole('menuitem', { name: 'CNCF PRODUCT.yaml draft' }),
    );
    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(await blobs[0].text()).toContain('kubernetesVersion: v1.34');
    restore();
  });

  it('downloads the submission bundle from the backend, named after the cluster', async () => {
    serveDetail({ report: sampleReport() });
    const asked: string[] = [];
    server.use(
      http.get(`${clusterUrl}/bundle`, ({ request }) => {
        asked.push(new URL(request.url).search);
        return new HttpResponse(new Uint8Array([0x1f, 0x8b, 8]), {
          headers: { 'Content-Type': 'application/gzip' },
        });
      }),
    );
    const { blobs, names: downloads, restore } = captureDownloads();
    await renderWithApis(<EntityAiConformanceContent />);
    await userEvent.click(
      await screen.findByRole('button', { name: /Export/ }),
    );
    await userEvent.click(
      screen.getByRole('menuitem', {
        name: 'Download submission bundle (.tar.gz)',
      }),
    );
    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(asked).toEqual(['?product=gke-ai-prod&version=1.34']);
    expect(downloads).toEqual(['v1.34-gke-ai-prod.tar.gz']);
    expect(blobs[0].type).toBe('application/gzip');
    expect(blobs[0].size).toBe(3);
    restore();
  });
});
