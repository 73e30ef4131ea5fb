// A Hono service with request models.
import '../tydantic.gen';
import { Hono } from 'hono';
import { validator } from 'tydantic/hono';
import { BookTickets, BookingPath, BookingQuery, UpdateBooking } from '../service/models';
import { openapi, Bookings } from '../service/routes';

/** The service's app; `orders` keeps its state. */
export function createApp(orders = new Bookings()): Hono {
  return new Hono()
    .post('/orders', validator('json', BookTickets), (c) => c.json(orders.create(c.req.valid('json'))))
    .get('/orders', validator('query', BookingQuery), (c) => c.json(orders.list(c.req.valid('query'))))
    .patch('/orders/:id', validator('param', BookingPath), validator('json', UpdateBooking), (c) => {
      const order = orders.update(c.req.valid('param'), c.req.valid('json'));
      return order === undefined ? c.json({ detail: 'No such order' }, 404) : c.json(order);
    })
    .get('/openapi.json', (c) => c.json(openapi()));
}
