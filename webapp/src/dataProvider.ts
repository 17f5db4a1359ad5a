import type { DataProvider, Identifier, RaRecord } from 'react-admin';
import { CONTENT_FIELDS } from './guides/types';
import { http } from './http';
import { HOSPITAL_FIELDS } from './hospitals/hospitalChoices';

interface ResourceConfig {
  /** URL path of the collection, e.g. /api/admin/users. */
  path: string;
  /** Fields sent on create (POST); all fields when absent. */
  createFields?: readonly string[];
  /** Fields sent on update (PUT); all fields when absent. */
  updateFields?: readonly string[];
  /** The field that identifies a record when the API has no `id` (react-admin needs one). */
  idField?: string;
}

/** Resources whose URL or body differs from the default `/api/<resource>` with the whole record. */
export const RESOURCES: Record<string, ResourceConfig> = {
  guides: {
    path: '/api/guides',
    createFields: ['slug', 'locale', 'translationOf', ...CONTENT_FIELDS],
    updateFields: ['version', ...CONTENT_FIELDS],
  },
  'waitlist-possible-duplicates': { path: '/api/waitlist/possible-duplicates' },
  users: {
    path: '/api/admin/users',
    createFields: ['username', 'password', 'roles', 'email', 'displayName'],
    updateFields: ['email', 'displayName', 'roles', 'enabled', 'version'],
  },
  jobs: { path: '/api/jobs', idField: 'name' },
  executions: { path: '/api/jobs/executions', idField: 'executionId' },
  hospitals: {
    path: '/api/hospitals',
    createFields: HOSPITAL_FIELDS,
    updateFields: [...HOSPITAL_FIELDS, 'version'],
  },
  audit: { path: '/api/audit' },
  reports: { path: '/api/reports', createFields: ['type', 'periodStart', 'periodEnd'] },
  outbox: { path: '/api/mail/outbox' },
  suppressions: { path: '/api/mail/suppressions', idField: 'email', createFields: ['email', 'note'] },
};

export function resourcePath(resource: string): string {
  return RESOURCES[resource]?.path ?? `/api/${resource}`;
}

function pick(data: Record<string, unknown>, fields: readonly string[] | undefined): Record<string, unknown> {
  if (!fields) return data;
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (data[f] !== undefined) out[f] = data[f];
  }
  return out;
}

/** Gives the record the `id` react-admin expects when the resource names another identifying field. */
function withId<T>(resource: string, record: T): T {
  const idField = RESOURCES[resource]?.idField;
  if (!idField || !record || typeof record !== 'object') return record;
  return { ...record, id: (record as Record<string, unknown>)[idField] } as T;
}

function appendParam(params: URLSearchParams, key: string, value: unknown): void {
  if (value === undefined || value === null || value === '') return;
  if (Array.isArray(value)) {
    value.forEach((v) => appendParam(params, key, v));
  } else if (value instanceof Date) {
    params.append(key, value.toISOString());
  } else if (typeof value === 'object') {
    params.append(key, JSON.stringify(value));
  } else {
    params.append(key, String(value));
  }
}

/** JHipster-style list query: page is 0-based, sort=field,asc|desc, filters as plain params. */
export function listQuery(
  pagination: { page: number; perPage: number } | undefined,
  sort: { field: string; order: string } | undefined,
  filter: Record<string, unknown> | undefined,
): string {
  const params = new URLSearchParams();
  if (pagination) {
    params.set('page', String(Math.max(0, pagination.page - 1)));
    params.set('size', String(pagination.perPage));
  }
  if (sort?.field) {
    params.set('sort', `${sort.field},${String(sort.order).toLowerCase() === 'desc' ? 'desc' : 'asc'}`);
  }
  for (const [k, v] of Object.entries(filter ?? {})) appendParam(params, k, v);
  return params.toString();
}

function total(headers: Headers, fallback: number): number {
  const raw = headers.get('X-Total-Count');
  const n = raw == null ? NaN : parseInt(raw, 10);
  return Number.isFinite(n) ? n : fallback;
}

/** What a list's `meta` carries when the API counted only so far: the total means "more than total". */
export interface CountMeta {
  totalIsLowerBound?: boolean;
}

function countMeta(headers: Headers): CountMeta | undefined {
  return headers.get('X-Total-Count-Exact') === 'false' ? { totalIsLowerBound: true } : undefined;
}

/** `meta.query` of a call becomes URL parameters (e.g. the reason a DELETE must give). */
function itemUrl(resource: string, id: Identifier, meta?: { query?: Record<string, unknown> }): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(meta?.query ?? {})) appendParam(params, k, v);
  const q = params.toString();
  return `${resourcePath(resource)}/${encodeURIComponent(String(id))}${q ? `?${q}` : ''}`;
}

export function createDataProvider(): DataProvider {
  const getList: DataProvider['getList'] = async (resource, params) => {
    const q = listQuery(params.pagination, params.sort, params.filter);
    const { json, headers } = await http<RaRecord[]>(`${resourcePath(resource)}${q ? `?${q}` : ''}`, {
      signal: params.signal,
    });
    const data = Array.isArray(json) ? json : [];
    return {
      data: data.map((r) => withId(resource, r)) as never[],
      total: total(headers, data.length),
      meta: countMeta(headers),
    };
  };

  const dp: DataProvider = {
    getList,

    getOne: async (resource, params) => {
      const { json } = await http<RaRecord>(itemUrl(resource, params.id), { signal: params.signal });
      return { data: withId(resource, json) as never };
    },

    getMany: async (resource, params) => {
      const results = await Promise.all(
        params.ids.map((id) => http<RaRecord>(itemUrl(resource, id), { signal: params.signal })),
      );
      return { data: results.map((r) => withId(resource, r.json)) as never[] };
    },

    getManyReference: async (resource, params) =>
      getList(resource, {
        pagination: params.pagination,
        sort: params.sort,
        filter: { ...params.filter, [params.target]: params.id },
        signal: params.signal,
      }),

    create: async (resource, params) => {
      const body = pick(params.data as Record<string, unknown>, RESOURCES[resource]?.createFields);
      const { json } = await http<RaRecord>(resourcePath(resource), { method: 'POST', body });
      return { data: withId(resource, { ...(params.data as object), ...(json ?? {}) }) as never };
    },

    update: async (resource, params) => {
      const body = pick(params.data as Record<string, unknown>, RESOURCES[resource]?.updateFields);
      const { json } = await http<RaRecord>(itemUrl(resource, params.id), { method: 'PUT', body });
      return { data: (json ?? { ...params.data, id: params.id }) as never };
    },

    updateMany: async (resource, params) => {
      const fields = RESOURCES[resource]?.updateFields;
      await Promise.all(
        params.ids.map((id) =>
          http(itemUrl(resource, id), { method: 'PUT', body: pick(params.data as Record<string, unknown>, fields) }),
        ),
      );
      return { data: params.ids };
    },

    delete: async (resource, params) => {
      await http(itemUrl(resource, params.id, params.meta), { method: 'DELETE' });
      return { data: (params.previousData ?? { id: params.id }) as never };
    },

    deleteMany: async (resource, params) => {
      await Promise.all(params.ids.map((id) => http(itemUrl(resource, id, params.meta), { method: 'DELETE' })));
      return { data: params.ids };
    },
  };
  return dp;
}

export const dataProvider = createDataProvider();
