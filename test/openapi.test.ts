/**
 * `openApiDocument` and `tydantic schema --openapi`: whole OpenAPI documents from routes and models, checked
 * by an OpenAPI validator. A model whose validation and serialization schemas differ, used both ways, gets
 * `-Input` and `-Output` components, as FastAPI names them.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFixture } from './helpers/compile';

let m: Record<string, any>;

beforeAll(async () => {
  m = (await compileFixture('basic', 'standard')).exports;
});

const valid = async (doc: object): Promise<void> => {
  const result = await new Validator().validate(doc as Parameters<Validator['validate']>[0]);
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
};

describe('openApiDocument', () => {
  const routes = () => [
    { method: 'post', path: '/orders', body: m.Order, responses: { 201: { description: 'Created', model: m.Order } } },
    { method: 'get', path: '/items/:sku', summary: 'One item', params: m.Item, query: m.Address, responses: { 200: m.Item } },
  ];

  it('splits a model used both ways whose schemas differ into -Input and -Output; others keep their name', async () => {
    const doc = m.openApiDocument({ info: { title: 'Shop', version: '1' }, routes: routes() });
    await valid(doc);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.schemas)).toEqual(['Order-Input', 'Item', 'Address', 'Order-Output', 'ValidationError', 'HTTPValidationError']);
    const ordersPost = doc.paths['/orders'].post;
    expect(ordersPost.requestBody).toEqual({ required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Order-Input' } } } });
    expect(ordersPost.responses['201']).toEqual({ description: 'Created', content: { 'application/json': { schema: { $ref: '#/components/schemas/Order-Output' } } } });
    expect(ordersPost.responses['422']).toEqual({ description: 'Validation Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } } });
    // Serialization mode requires the fields that have defaults; validation mode does not.
    expect(doc.components.schemas['Order-Input'].required).toEqual(['id', 'items', 'shipTo', 'placedAt']);
    expect(doc.components.schemas['Order-Output'].required).toContain('tags');
    expect(doc.components.schemas['Order-Input'].properties.items).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Item' }, minItems: 1 });
    expect(ordersPost.operationId).toBe('postOrders');
  });

  it('turns query and path models into parameters, one per field', async () => {
    const doc = m.openApiDocument({ info: { title: 'Shop', version: '1' }, routes: routes() });
    const get = doc.paths['/items/{sku}'].get;
    expect(get.summary).toBe('One item');
    expect(get.parameters.map((p: { name: string; in: string; required: boolean }) => [p.in, p.name, p.required])).toEqual([
      ['path', 'sku', true],
      ['path', 'quantity', true],
      ['query', 'street', true],
      ['query', 'zip', true],
    ]);
    expect(get.parameters[1].schema).toEqual({ type: 'integer', minimum: 1 });
  });

  it('writes OpenAPI 3.0.3 on request, and no 422 or error components for a route without input models', async () => {
    const doc = m.openApiDocument({ openapi: '3.0.3', info: { title: 'Shop', version: '1' }, routes: [...routes(), { method: 'get', path: '/health' }] });
    await valid(doc);
    expect(doc.paths['/health'].get.responses).toEqual({ 200: { description: 'Successful Response' } });
    const bare = m.openApiDocument({ info: { title: 'Shop', version: '1' }, routes: [{ method: 'get', path: '/health' }] });
    await valid(bare);
    expect(bare.components).toBeUndefined();
  });
});
