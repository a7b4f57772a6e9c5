import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type {
  ClusterDetail,
  RequirementResult,
} from '@ai-conformance/plugin-ai-conformance-common';
import {
  activePermissionChecks,
  baseUrl,
  renderWithApis,
} from '../../__testUtils__/renderWithApis';
import { sampleReport, sampleRun } from '../../__testUtils__/fixtures';
import {
  clusterUrl,
  serveClusterTab,
} from '../../__testUtils__/serveClusterTab';
import { EntityAiConformanceContent } from '../EntityAiConformanceContent';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

/** The sample report with gang_scheduling decided by an active check. */
function activeReport() {
  const report = sampleReport();
  report.requirements = report.requirements.map(
    (r): RequirementResult =>
      r.id === 'gang_scheduling'
        ? {
            ...r,
            status: 'fail',
            method: 'active',
            summary:
              'Gang aic-gang-too-big ran partially: aic-gang-too-big-0 Running while aic-gang-too-big-1 Pending.',
            evidence: [
              {
                description:
                  'Objects created: Job aic-run-3f9c2a10/aic-gang-too-big',
                fields: { runId: '3f9c2a10', objects: 1 },
              },
            ],
            errors: [],
            notes: ['Passive check said: pass — Kueue is installed.'],
          }
        : r,
  );
  return report;
}

const serve = (detail: () => Partial<ClusterDetail>) =>
  serveClusterTab(server, detail);

describe('Verify with workloads', () => {
  it('is hidden without ai-conformance.run.active on the cluster', async () => {
    serve(() => ({ report: sampleReport() }));
    await renderWithApis(<EntityAiConformanceContent />, { canVerify: false });
    expect(
      await screen.findByRole('button', { name: /Run checks/ }),
    ).toBeInTheDocument();
    await waitFor(() => expect(activePermissionChecks).toContain('DENY'));
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: /Verify with workloads/ }),
      ).not.toBeInTheDocument(),
    );
  });

  it('is hidden without ai-conformance.run.create, even with run.active', async () => {
    serve(() => ({ report: sampleReport() }));
    await renderWithApis(<EntityAiConformanceContent />, { canRun: false });
    expect(await screen.findByText('Not conformant')).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: /Verify with workloads/ }),
      ).not.toBeInTheDocument(),
    );
  });

  it('asks first, saying what it creates; cancelling starts nothing', async () => {
    let posted = 0;
    serve(() => ({ report: sampleReport() }));
    server.use(
      http.post(`${clusterUrl}/runs`, () => {
        posted += 1;
        return HttpResponse.json({ runId: 'x' }, { status: 202 });
      }),
    );
    await renderWithApis(<EntityAiConformanceContent />);
    await userEvent.click(
      await screen.findByRole('button', { name: /Verify with workloads/ }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(/namespace of the run \(aic-run-…/);
    expect(dialog).toHaveTextContent(/pods/);
    expect(dialog).toHaveTextContent(/may take several minutes/);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(posted).toBe(0);
  });

  it('starts an active run once confirmed, shows its active steps, then the active evidence', async () => {
    let finished = false;
    let polls = 0;
    let postedBody: unknown;
    serve(() =>
      finished
        ? { report: activeReport(), lastRun: sampleRun({ mode: 'active' }) }
        : { report: sampleReport() },
    );
    server.use(
      http.post(`${clusterUrl}/runs`, async ({ request }) => {
        postedBody = await request.json();
        return HttpResponse.json(
          { runId: 'run-a', status: 'queued' },
          { status: 202 },
        );
      }),
      http.get(`${baseUrl}/runs/run-a`, () => {
        polls += 1;
        if (polls < 3) {
          return HttpResponse.json(
            sampleRun({
              runId: 'run-a',
              mode: 'active',
              status: 'running',
              progress: {
                done: 17,
                total: 20,
                phase: 'active gang_scheduling: submit',
              },
            }),
          );
        }
        finished = true;
        return HttpResponse.json(
          sampleRun({ runId: 'run-a', mode: 'active', status: 'succeeded' }),
        );
      }),
    );
    await renderWithApis(<EntityAiConformanceContent pollIntervalMs={150} />);
    await userEvent.click(
      await screen.findByRole('button', { name: /Verify with workloads/ }),
    );
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Create workloads and verify',
      }),
    );
    expect(
      await screen.findByText(
        'Checking: active gang_scheduling: submit — 17/20',
      ),
    ).toBeInTheDocument();
    // (the dialog's closing transition hides the page from roles meanwhile)
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: /Verify with workloads/ }),
      ).toBeDisabled(),
    );
    expect(postedBody).toEqual({ mode: 'active' });

    const row = await screen.findByText(
      /Gang aic-gang-too-big ran partially/,
      {},
      { timeout: 5000 },
    );
    expect(screen.getByText(/gang_scheduling/).parentElement).toHaveTextContent(
      '· active',
    );
    await userEvent.click(row);
    expect(
      await screen.findByText(
        'Objects created: Job aic-run-3f9c2a10/aic-gang-too-big',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Passive check said: pass — Kueue is installed.'),
    ).toBeInTheDocument();
  });
});
