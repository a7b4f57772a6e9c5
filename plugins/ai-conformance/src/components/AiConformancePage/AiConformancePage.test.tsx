import type { ClusterSummary } from '@ai-conformance/plugin-ai-conformance-common';
import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { baseUrl, renderWithApis } from '../../__testUtils__/renderWithApis';
import { sampleSummary } from '../../__testUtils__/fixtures';
import { AiConformancePage } from './AiConformancePage';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

const summaries = [
  sampleSummary({
    entityRef: 'resource:default/alpha',
    owner: 'group:default/ai-platform',
    level: 'silver',
    levelMissing: ['SHOULD requirements not met: gpu_sharing (unknown)'],
  }),
  sampleSummary({
    entityRef: 'resource:default/bravo',
    owner: 'group:default/ml-research',
    verdict: 'not-conformant',
    level: 'none',
    platform: 'eks',
    mustPassed: 7,
    statuses: { dra_support: 'fail', ai_inference: 'fail' },
  }),
  // A catalog cluster never checked: the backend lists it without a verdict.
  sampleSummary({
    entityRef: 'resource:default/charlie',
    owner: 'group:default/ml-research',
    verdict: null,
    level: null,
    requirementsVersion: null,
    platform: null,
    statuses: undefined,
  }),
];

const failures = (s: ClusterSummary) =>
  s.verdict
    ? Object.values(s.statuses ?? {}).filter(v => v === 'fail').length
    : -1;
const nameOf = (s: ClusterSummary) => s.entityRef.split('/')[1];

/**
 * `GET /clusters` as the backend answers it: filters, order, page and
 * facets over `all`; the queries asked are kept in `asked`.
 */
function fleetBackend(all: ClusterSummary[], asked: URLSearchParams[] = []) {
  return http.get(`${baseUrl}/clusters`, ({ request }) => {
    const q = new URL(request.url).searchParams;
    asked.push(q);
    const list = (k: string) => q.get(k)?.split(',');
    const text = q.get('q')?.toLowerCase();
    let rows = all.filter(
      s =>
        (!list('verdict') ||
          list('verdict')!.includes(s.verdict ?? 'unchecked')) &&
        (!list('level') || list('level')!.includes(s.level ?? 'unchecked')) &&
        (!list('platform') || list('platform')!.includes(s.platform ?? '')) &&
        (!q.get('owner') || s.owner === q.get('owner')) &&
        (!text || nameOf(s).includes(text)),
    );
    const sign = q.get('order') === 'desc' ? -1 : 1;
    rows = [...rows].sort(
      (a, b) =>
        (q.get('sort') === 'failures'
          ? sign * (failures(a) - failures(b))
          : 0) ||
        (q.get('sort') === 'name' ? sign : 1) *
          nameOf(a).localeCompare(nameOf(b)),
    );
    const offset = Number(q.get('offset') ?? 0);
    const limit = Number(q.get('limit') ?? 100);
    const count = (pick: (s: ClusterSummary) => string) =>
      all.reduce<Record<string, number>>((acc, s) => {
        acc[pick(s)] = (acc[pick(s)] ?? 0) + 1;
        return acc;
      }, {});
    const distinct = (pick: (s: ClusterSummary) => string | null | undefined) =>
      [...new Set(all.map(pick).filter((v): v is string => !!v))].sort();
    return HttpResponse.json({
      items: rows.slice(offset, offset + limit),
      totalCount: rows.length,
      offset,
      limit,
      ...(q.get('facets') === 'true'
        ? {
            facets: {
              verdicts: count(s => s.verdict ?? 'unchecked'),
              levels: count(s => s.level ?? 'unchecked'),
              owners: distinct(s => s.owner),
              platforms: distinct(s => s.platform),
              requirementsVersions: distinct(s => s.requirementsVersion),
            },
          }
        : {}),
    });
  });
}

const rowNames = () =>
  screen
    .getAllByRole('row')
    .map(r => r.getAttribute('data-entity-ref'))
    .filter(Boolean);

describe('AiConformancePage', () => {
  it('lists every cluster with status cells, failing ones first', async () => {
    server.use(fleetBackend(summaries));
    await renderWithApis(<AiConformancePage />);
    expect(
      await screen.findByText('3 clusters · 1 conformant · 1 not conformant'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(rowNames()).toEqual([
        'resource:default/bravo',
        'resource:default/alpha',
        'resource:default/charlie',
      ]),
    );
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

  it('filters by owner and verdict, searches and sorts on the server', async () => {
    const asked: URLSearchParams[] = [];
    server.use(fleetBackend(summaries, asked));
    await renderWithApis(<AiConformancePage />);
    await screen.findByText(/3 clusters/);

    fireEvent.mouseDown(screen.getByLabelText('Owner'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'group:default/ml-research' }),
    );
    await waitFor(() =>
      expect(rowNames()).toEqual([
        'resource:default/bravo',
        'resource:default/charlie',
      ]),
    );

    fireEvent.mouseDown(screen.getByLabelText('Verdict'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Never checked' }),
    );
    await waitFor(() =>
      expect(asked[asked.length - 1].toString()).toBe(
        'verdict=unchecked&owner=group%3Adefault%2Fml-research&sort=failures&order=desc&offset=0&limit=50&facets=true',
      ),
    );
    await waitFor(() =>
      expect(rowNames()).toEqual(['resource:default/charlie']),
    );

    fireEvent.mouseDown(screen.getByLabelText('Owner'));
    await userEvent.click(await screen.findByRole('option', { name: 'All' }));
    fireEvent.mouseDown(screen.getByLabelText('Verdict'));
    await userEvent.click(await screen.findByRole('option', { name: 'All' }));
    await waitFor(() => expect(rowNames()).toHaveLength(3));

    await userEvent.click(screen.getByRole('button', { name: 'Failures' }));
    await waitFor(() => expect(rowNames()[0]).toBe('resource:default/charlie'));

    await userEvent.type(screen.getByLabelText('Search clusters'), 'alp');
    await waitFor(() => expect(asked[asked.length - 1].get('q')).toBe('alp'));
    await waitFor(() => expect(rowNames()).toEqual(['resource:default/alpha']));
  });

  it('counts clusters per level and filters by level', async () => {
    server.use(fleetBackend(summaries));
    await renderWithApis(<AiConformancePage />);
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
    await waitFor(() => expect(rowNames()).toEqual(['resource:default/bravo']));
    expect(
      within(counts).getByRole('button', { name: 'No level: 1 clusters' }),
    ).toHaveAttribute('aria-pressed', 'true');

    fireEvent.mouseDown(screen.getByLabelText('Level'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Silver' }),
    );
    await waitFor(() => expect(rowNames()).toEqual(['resource:default/alpha']));

    await userEvent.click(
      within(counts).getByRole('button', { name: 'Silver: 1 clusters' }),
    );
    await waitFor(() => expect(rowNames()).toHaveLength(3));
  });

  it('paginates a large fleet', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      sampleSummary({
        entityRef: `resource:default/c${String(i).padStart(3, '0')}`,
      }),
    );
    const asked: URLSearchParams[] = [];
    server.use(fleetBackend(many, asked));
    await renderWithApis(<AiConformancePage />);
    await screen.findByText(/120 clusters/);
    // Only the page on screen is asked for, with the fleet's counts.
    expect(asked.map(q => q.toString())).toEqual([
      'sort=failures&order=desc&offset=0&limit=50&facets=true',
    ]);
    await waitFor(() => expect(rowNames()).toHaveLength(50));
    expect(screen.getByText('1-50 of 120')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(rowNames()[0]).toBe('resource:default/c050'));
    expect(asked[asked.length - 1].get('offset')).toBe('50');
    // The counts came with the first page and stay.
    expect(asked[asked.length - 1].get('facets')).toBeNull();
    expect(screen.getByText(/^120 clusters/)).toBeInTheDocument();
    expect(screen.getByText('51-100 of 120')).toBeInTheDocument();
  });

  it('shows the empty, forbidden and error states', async () => {
    server.use(fleetBackend([]));
    const { unmount } = await renderWithApis(<AiConformancePage />);
    expect(await screen.findByText('No clusters yet')).toBeInTheDocument();
    unmount();
    // A backend from before paging answers with a plain array.
    server.use(http.get(`${baseUrl}/clusters`, () => HttpResponse.json([])));
    const legacy = await renderWithApis(<AiConformancePage />);
    expect(await screen.findByText('No clusters yet')).toBeInTheDocument();
    legacy.unmount();

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
