import { startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { aiConformancePlugin } from './plugin';

describe('aiConformancePlugin', () => {
  it('answers /health without a token', async () => {
    const { server } = await startTestBackend({
      features: [aiConformancePlugin],
    });
    const res = await request(server)
      .get('/api/ai-conformance/health')
      .set('Authorization', '');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});
