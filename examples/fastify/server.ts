// A Fastify 5 service with request models.
import '../tydantic.gen';
import Fastify, { type FastifyInstance } from 'fastify';
import { tydantic, type TydanticTypeProvider } from 'tydantic/fastify';
import { BookTickets, Booking, BookingPage, BookingPath, BookingQuery, UpdateBooking } from '../service/models';
import { openapi, Bookings } from '../service/routes';

/** The service's app; `orders` keeps its state. */
export async function createApp(orders = new Bookings()): Promise<FastifyInstance> {
  const app = Fastify().withTypeProvider<TydanticTypeProvider>();
  await app.register(tydantic);
  app.post('/orders', { schema: { body: BookTickets, response: { 200: Booking } } }, (req) => orders.create(req.body));
  app.get('/orders', { schema: { querystring: BookingQuery, response: { 200: BookingPage } } }, (req) => orders.list(req.query));
  app.patch('/orders/:id', { schema: { params: BookingPath, body: UpdateBooking } }, async (req, reply) => {
    const order = orders.update(req.params, req.body);
    return order ?? reply.code(404).send({ detail: 'No such order' });
  });
  app.get('/openapi.json', () => openapi());
  return app;
}
