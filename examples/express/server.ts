// An Express 5 service with request models: `npx tsx examples/express/server.ts` after `npm run demo`'s generate.
import '../tydantic.gen';
import express from 'express';
import { errors, validate } from 'tydantic/express';
import { BookTickets, BookingPath, BookingQuery, UpdateBooking } from '../service/models';
import { openapi, Bookings } from '../service/routes';

/** The service's app; `orders` keeps its state. */
export function createApp(orders = new Bookings()): express.Express {
  const app = express();
  app.use(express.json());
  app.post('/orders', validate({ body: BookTickets }), (req, res) => {
    res.json(orders.create(req.body));
  });
  app.get('/orders', validate({ query: BookingQuery }), (req, res) => {
    res.json(orders.list(req.query));
  });
  app.patch('/orders/:id', validate({ params: BookingPath, body: UpdateBooking }), (req, res) => {
    const order = orders.update(req.params, req.body);
    if (order === undefined) res.status(404).json({ detail: 'No such order' });
    else res.json(order);
  });
  app.get('/openapi.json', (_req, res) => {
    res.json(openapi());
  });
  app.use(errors());
  return app;
}
