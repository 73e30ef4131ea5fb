// A Hono service with request models.
import '../tydantic.gen';
import { Hono } from 'hono';
import { validator } from 'tydantic/hono';
import { CreateOrder, OrderPath, OrderQuery, UpdateOrder } from '../service/models';
import { openapi, Orders } from '../service/routes';

/** The service's app; `orders` keeps its state. */
export function createApp(orders = new Orders()): Hono {
  return new Hono()
    .post('/orders', validator('json', CreateOrder), (c) => c.json(orders.create(c.req.valid('json'))))
    .get('/orders', validator('query', OrderQuery), (c) => c.json(orders.list(c.req.valid('query'))))
    .patch('/orders/:id', validator('param', OrderPath), validator('json', UpdateOrder), (c) => {
      const order = orders.update(c.req.valid('param'), c.req.valid('json'));
      return order === undefined ? c.json({ detail: 'No such order' }, 404) : c.json(order);
    })
    .get('/openapi.json', (c) => c.json(openapi()));
}
