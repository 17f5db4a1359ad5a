import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONFLICT_MESSAGE } from './http';
import { createDataProvider, listQuery, resourcePath } from './dataProvider';
import { jsonResponse, mockFetch, problemResponse, setCookie } from './test/fetchMock';

beforeEach(() => setCookie('XSRF-TOKEN', 'tok'));
afterEach(() => vi.unstubAllGlobals());

const dp = createDataProvider();

describe('resourcePath', () => {
  it('maps users to the admin path and others to /api/<resource>', () => {
    expect(resourcePath('users')).toBe('/api/admin/users');
    expect(resourcePath('guides')).toBe('/api/guides');
    expect(resourcePath('hospitals')).toBe('/api/hospitals');
  });
});

describe('records without an id field', () => {
  it('get the id react-admin needs from the field that identifies them', async () => {
    mockFetch((call) =>
      call.url.startsWith('/api/jobs/executions?')
        ? jsonResponse([{ executionId: 7, jobName: 'a' }], 200, { 'X-Total-Count': '1' })
        : jsonResponse({ name: 'nightlyInvitationJob' }),
    );
    const executions = await dp.getList('executions', { pagination: { page: 1, perPage: 5 }, sort: { field: 'executionId', order: 'DESC' }, filter: {} });
    expect(executions.data[0]).toMatchObject({ id: 7, executionId: 7 });
    const job = await dp.getOne('jobs', { id: 'nightlyInvitationJob' });
    expect(job.data.id).toBe('nightlyInvitationJob');
    expect(resourcePath('executions')).toBe('/api/jobs/executions');
  });
});

describe('suppressions', () => {
  it('are identified by email, created with email and note only, and deleted with the note as a parameter', async () => {
    const { calls } = mockFetch((call) =>
      call.method === 'DELETE'
        ? new Response(null, { status: 204 })
        : jsonResponse({ email: 'a+b@example.com', reason: 'MANUAL', note: 'asked' }, 201),
    );
    const created = await dp.create('suppressions', { data: { email: 'a+b@example.com', note: 'asked', extra: 1 } });
    expect(created.data.id).toBe('a+b@example.com');
    expect(calls[0]).toMatchObject({ url: '/api/mail/suppressions', body: { email: 'a+b@example.com', note: 'asked' } });

    await dp.delete('suppressions', { id: 'a+b@example.com', meta: { query: { note: 'subscribed again' } } });
    expect(calls[1].method).toBe('DELETE');
    expect(calls[1].url).toBe('/api/mail/suppressions/a%2Bb%40example.com?note=subscribed+again');
    expect(resourcePath('audit')).toBe('/api/audit');
    expect(resourcePath('outbox')).toBe('/api/mail/outbox');
  });
});

describe('listQuery', () => {
  it('uses 0-based pages, size and field,dir sort', () => {
    const q = new URLSearchParams(listQuery({ page: 3, perPage: 10 }, { field: 'createdAt', order: 'DESC' }, {}));
    expect(q.get('page')).toBe('2');
    expect(q.get('size')).toBe('10');
    expect(q.get('sort')).toBe('createdAt,desc');
  });

  it('repeats array filters and drops empty ones', () => {
    const q = new URLSearchParams(listQuery(undefined, undefined, { status: ['DRAFT', 'PUBLISHED'], q: '', x: null, n: 0 }));
    expect(q.getAll('status')).toEqual(['DRAFT', 'PUBLISHED']);
    expect(q.has('q')).toBe(false);
    expect(q.has('x')).toBe(false);
    expect(q.get('n')).toBe('0');
  });
});

describe('dataProvider', () => {
  it('getList builds the JHipster URL and reads X-Total-Count', async () => {
    const { calls } = mockFetch(() =>
      jsonResponse([{ id: 1, username: 'a' }], 200, { 'X-Total-Count': '41' }),
    );
    const result = await dp.getList('users', {
      pagination: { page: 2, perPage: 25 },
      sort: { field: 'username', order: 'ASC' },
      filter: { q: 'ann' },
    });
    expect(calls[0].method).toBe('GET');
    expect(calls[0].url).toBe('/api/admin/users?page=1&size=25&sort=username%2Casc&q=ann');
    expect(result).toEqual({ data: [{ id: 1, username: 'a' }], total: 41 });
  });

  it('getList marks a total the API counted only so far as a lower bound', async () => {
    mockFetch(() => jsonResponse([{ id: 1 }], 200, { 'X-Total-Count': '1000', 'X-Total-Count-Exact': 'false' }));
    const result = await dp.getList('waitlist', { pagination: { page: 1, perPage: 50 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    expect(result.total).toBe(1000);
    expect(result.meta).toEqual({ totalIsLowerBound: true });
  });

  it('getList falls back to the page length without X-Total-Count', async () => {
    mockFetch(() => jsonResponse([{ id: 1 }, { id: 2 }]));
    const result = await dp.getList('guides', { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    expect(result.total).toBe(2);
  });

  it('getOne and getMany fetch items by id', async () => {
    const { calls } = mockFetch((c) => jsonResponse({ id: Number(c.url.split('/').pop()) }));
    expect((await dp.getOne('guides', { id: 7 })).data).toEqual({ id: 7 });
    expect((await dp.getMany('guides', { ids: [1, 2] })).data).toEqual([{ id: 1 }, { id: 2 }]);
    expect(calls.map((c) => c.url)).toEqual(['/api/guides/7', '/api/guides/1', '/api/guides/2']);
  });

  it('getManyReference filters by the target', async () => {
    const { calls } = mockFetch(() => jsonResponse([], 200, { 'X-Total-Count': '0' }));
    await dp.getManyReference('windows', {
      target: 'hospitalId',
      id: 5,
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'startsAt', order: 'ASC' },
      filter: {},
    });
    expect(calls[0].url).toBe('/api/windows?page=0&size=10&sort=startsAt%2Casc&hospitalId=5');
  });

  it('create POSTs only the create fields of a user and returns the created JSON', async () => {
    const { calls } = mockFetch(() =>
      jsonResponse({ id: 9, username: 'ed', roles: ['EDITOR'], enabled: true, version: 0 }, 201),
    );
    const { data } = await dp.create('users', {
      data: { username: 'ed', password: 'a-long-password', roles: ['EDITOR'], email: 'e@x.org', junk: 1 },
    });
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/admin/users' });
    expect(calls[0].body).toEqual({ username: 'ed', password: 'a-long-password', roles: ['EDITOR'], email: 'e@x.org' });
    expect(calls[0].headers['x-xsrf-token']).toBe('tok');
    expect(data).toMatchObject({ id: 9, version: 0 });
  });

  it('update PUTs the user update body including version', async () => {
    const { calls } = mockFetch(() => jsonResponse({ id: 4, version: 3 }));
    const { data } = await dp.update('users', {
      id: 4,
      data: { id: 4, username: 'x', email: 'x@y.z', displayName: 'X', roles: ['OPS'], enabled: false, version: 2, createdAt: 'c' },
      previousData: { id: 4 },
    });
    expect(calls[0]).toMatchObject({ method: 'PUT', url: '/api/admin/users/4' });
    expect(calls[0].body).toEqual({ email: 'x@y.z', displayName: 'X', roles: ['OPS'], enabled: false, version: 2 });
    expect(data).toEqual({ id: 4, version: 3 });
  });

  it('update sends the whole record for other resources', async () => {
    const { calls } = mockFetch(() => jsonResponse({ id: 1, version: 1 }));
    await dp.update('unconfigured-things', { id: 1, data: { id: 1, title: 't', version: 0 }, previousData: { id: 1 } });
    expect(calls[0].body).toEqual({ id: 1, title: 't', version: 0 });
  });

  it('update sends only the content fields and the version of a guide', async () => {
    const { calls } = mockFetch(() => jsonResponse({ id: 1, version: 1 }));
    await dp.update('guides', {
      id: 1,
      data: { id: 1, title: 't', version: 0, status: 'PUBLISHED', slug: 's', translations: [] },
      previousData: { id: 1 },
    });
    expect(calls[0].url).toBe('/api/guides/1');
    expect(calls[0].body).toEqual({ title: 't', version: 0 });
  });

  it('update rejects a stale version with the conflict message', async () => {
    mockFetch(() => problemResponse(409, { title: 'Conflict', detail: 'stale' }));
    await expect(
      dp.update('users', { id: 4, data: { id: 4, version: 1 }, previousData: { id: 4 } }),
    ).rejects.toMatchObject({ status: 409, message: CONFLICT_MESSAGE });
  });

  it('maps a validation problem onto fields', async () => {
    mockFetch(() =>
      problemResponse(400, { title: 'Bad Request', detail: 'Invalid user', errors: [{ field: 'email', message: 'must be an email' }] }),
    );
    await expect(dp.create('users', { data: { username: 'u' } })).rejects.toMatchObject({
      status: 400,
      message: 'Invalid user',
      body: { errors: { email: 'must be an email', root: { serverError: 'Invalid user' } } },
    });
  });

  it('delete and deleteMany send DELETE', async () => {
    const { calls } = mockFetch(() => new Response(null, { status: 204 }));
    await dp.delete('guides', { id: 3, previousData: { id: 3 } });
    await dp.deleteMany('guides', { ids: [4, 5] });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'DELETE /api/guides/3',
      'DELETE /api/guides/4',
      'DELETE /api/guides/5',
    ]);
  });
});
