import type { Entity } from '@backstage/catalog-model';
import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { baseUrl, renderWithApis } from '../../__testUtils__/renderWithApis';
import { sampleSummary } from '../../__testUtils__/fixtures';
import { AiConformancePage } from './AiConformancePage';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

const cluster = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default' },
  spec: { type: 'kubernetes-cluster', owner },
});
const entities = [
  cluster('alpha', 'group:default/ai-platform'),
  cluster('bravo', 'group:default/ml-research'),
  cluster('charlie', 'group:default/ml-research'),
];
const summaries = [
  sampleSummary({
    entityRef: 'resource:default/alpha',
    level: 'silver',
    levelMissing: ['SHOULD requirements not met: gpu_sharing (unknown)'],
  }),
  sampleSummary({
    entityRef: 'resource:default/bravo',
    verdict: 'not-conformant',
    level: 'none',
    platform: 'eks',
    mustPassed: 7,
    statuses: { dra_support: 'fail', ai_inference: 'fail' },
  }),
];

const rowNames = () =>
  screen
    .getAllByRole('row')
    .map(r => r.getAttribute('data-entity-ref'))
    .filter(Boolean);

describe('AiConformancePage', () => {
  it('lists every cluster with status cells, failing ones first', async () => {
    server.use(
      http.get(`${baseUrl}/clusters`, () => HttpResponse.json(summaries)),
    );
    await renderWithApis(<AiConformancePage />, { catalogEntities: entities });
    expect(
      await screen.findByText('3 clusters · 1 conformant · 1 not conformant'),
    ).toBeInTheDocument();
    expect(rowNames()).toEqual([
      'resource:default/bravo',
      'resource:default/alpha',
      'resource:default/charlie',
    ]);
    const bravo = screen.getAllByRole('row')[1];
    expect(within(bravo).getByRole('link', { name: 'bravo' })).toHaveAttribute(
      'href',
      '/catalog/default/resource/bravo/ai-conformance',
    );
    expect(
      within(bravo).getByTitle('Dynamic Resource Allocation: Fail'),
    ).toBeInTheDocument();
    expect(
      within(screen.getAllByRole('row')[3]).getByText('Never checked'),
    ).toBeInTheDocument();
  });

  it('filters by owner and verdict, searches and sorts', async () => {
    server.use(
      http.get(`${baseUrl}/clusters`, () => HttpResponse.json(summaries)),
    );
    await renderWithApis(<AiConformancePage />, { catalogEntities: entities });
    await screen.findByText(/3 clusters/);

    fireEvent.mouseDown(screen.getByLabelText('Owner'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'group:default/ml-research' }),
    );
    expect(rowNames()).toEqual([
      'resource:default/bravo',
      'resource:default/charlie',
    ]);

    fireEvent.mouseDown(screen.getByLabelText('Verdict'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Never checked' }),
    );
    expect(rowNames()).toEqual(['resource:default/charlie']);

    fireEvent.mouseDown(screen.getByLabelText('Owner'));
    await userEvent.click(await screen.findByRole('option', { name: 'All' }));
    fireEvent.mouseDown(screen.getByLabelText('Verdict'));
    await userEvent.click(await screen.findByRole('option', { name: 'All' }));
    expect(rowNames()).toHaveLength(3);

    await userEvent.click(screen.getByRole('button', { name: 'Failures' }));
    expect(rowNames()[0]).toBe('resource:default/charlie');

    await userEvent.type(screen.getByLabelText('Search clusters'), 'alp');
    expect(rowNames()).toEqual(['resource:default/alpha']);
  });

  it('counts clusters per level and filters by level', async () => {
    server.use(
      http.get(`${baseUrl}/clusters`, () => HttpResponse.json(summaries)),
    );
    await renderWithApis(<AiConformancePage />, { catalogEntities: entities });
    await screen.findByText(/3 clusters/);
    const counts = screen.getByRole('group', { name: 'Clusters per level' });
    expect(
      within(counts)
        .getAllByRole('button')
        .map(b => b.getAttribute('aria-label')),
    ).toEqual([
      'Gold: 0 clusters',
      'Silver: 1 clusters',
      'Bronze: 0 clusters',
      'No level: 1 clusters',
    ]);
    const alpha = () =>
      screen
        .getAllByRole('row')
        .find(
          r => r.getAttribute('data-entity-ref') === 'resource:default/alpha',
        )!;
    expect(within(alpha()).getByLabelText('Level: Silver')).toBeInTheDocument();

    await userEvent.click(
      within(counts).getByRole('button', { name: 'No level: 1 clusters' }),
    );
    expect(rowNames()).toEqual(['resource:default/bravo']);
    expect(
      within(counts).getByRole('button', { name: 'No level: 1 clusters' }),
    ).toHaveAttribute('aria-pressed', 'true');

    fireEvent.mouseDown(screen.getByLabelText('Level'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Silver' }),
    );
    expect(rowNames()).toEqual(['resource:default/alpha']);

    await userEvent.click(
      within(counts).getByRole('button', { name: 'Silver: 1 clusters' }),
    );
    expect(rowNames()).toHaveLength(3);
  });

  it('paginates a large fleet', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      sampleSummary({
        entityRef: `resource:default/c${String(i).padStart(3, '0')}`,
      }),
    );
    server.use(http.get(`${baseUrl}/clusters`, () => HttpResponse.json(many)));
    await renderWithApis(<AiConformancePage />);
    await screen.findByText(/120 clusters/);
    expect(rowNames()).toHaveLength(50);
    expect(screen.getByText('1-50 of 120')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(rowNames()[0]).toBe('resource:default/c050');
  });

  it('shows the empty, forbidden and error states', async () => {
    server.use(http.get(`${baseUrl}/clusters`, () => HttpResponse.json([])));
    const { unmount } = await renderWithApis(<AiConformancePage />);
    expect(await screen.findByText('No clusters yet')).toBeInTheDocument();
    unmount();

    server.use(
      http.get(`${baseUrl}/clusters`, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'no' } },
          { status: 403 },
        ),
      ),
    );
    const forbidden = await renderWithApis(<AiConformancePage />);
    expect(
      await screen.findByText(/You don't have access/),
    ).toBeInTheDocument();
    forbidden.unmount();

    server.use(
      http.get(`${baseUrl}/clusters`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'store offline' } },
          { status: 500 },
        ),
      ),
    );
    await renderWithApis(<AiConformancePage />);
    expect(
      (await screen.findAllByText(/store offline/)).length,
    ).toBeGreaterThan(0);
  });
});
