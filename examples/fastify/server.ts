// A Fastify 5 service with request models.
import '../tydantic.gen';
import Fastify, { type FastifyInstance } from 'fastify';
import { tydantic, type TydanticTypeProvider } from 'tydantic/fastify';
import { CreateOrder, Order, OrderPage, OrderPath, OrderQuery, UpdateOrder } from '../service/models';
import { openapi, Orders } from '../service/routes';

/** The service's app; `orders` keeps its state. */
export async function createApp(orders = new Orders()): Promise<FastifyInstance> {
  const app = Fastify().withTypeProvider<TydanticTypeProvider>();
  await app.register(tydantic);
  app.post('/orders', { schema: { body: CreateOrder, response: { 200: Order } } }, (req) => orders.create(req.body));
  app.get('/orders', { schema: { querystring: OrderQuery, response: { 200: OrderPage } } }, (req) => orders.list(req.query));
  app.patch('/orders/:id', { schema: { params: OrderPath, body: UpdateOrder } }, async (req, reply) => {
    const order = orders.update(req.params, req.body);
    return order ?? reply.code(404).send({ detail: 'No such order' });
  });
  app.get('/openapi.json', () => openapi());
  return app;
}
