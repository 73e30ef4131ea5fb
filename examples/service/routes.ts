// What the three example services share: the orders they keep and the routes their OpenAPI document lists.
import { openApiDocument, type Route } from 'tydantic';
import { CreateOrder, Order, OrderPage, OrderPath, OrderQuery, UpdateOrder } from './models';

/** The routes, for the OpenAPI document (each service registers the same ones). */
export const ROUTES: Route[] = [
  { method: 'post', path: '/orders', summary: 'Place an order', body: CreateOrder, responses: { 200: Order } },
  { method: 'get', path: '/orders', summary: 'List orders', query: OrderQuery, responses: { 200: OrderPage } },
  { method: 'patch', path: '/orders/:id', summary: 'Pay or cancel an order', params: OrderPath, body: UpdateOrder, responses: { 200: Order, 404: { description: 'No such order' } } },
];

/** The service's OpenAPI 3.1 document. */
export const openapi = (): object => openApiDocument({ info: { title: 'Tickets', version: '1.0.0' }, routes: ROUTES });

/** An in-memory store of orders; `now` fixes the clock (tests). */
export class Orders {
  readonly #orders: Order[] = [];
  constructor(private readonly now: () => Date = () => new Date()) {}

  create(input: CreateOrder): Order {
    const order = Order.parse({ id: this.#orders.length + 1, ...input.dump(), status: 'open', createdAt: this.now() });
    this.#orders.push(order);
    return order;
  }

  list(query: OrderQuery): OrderPage {
    const items = this.#orders.filter((order) => (query.event.length === 0 || order.lines.some((line) => query.event.includes(line.event))) && (query.status === undefined || order.status === query.status));
    return OrderPage.parse({ items: items.slice(0, query.limit).map((order) => order.dump()), total: items.length });
  }

  update(path: OrderPath, change: UpdateOrder): Order | undefined {
    const at = this.#orders.findIndex((order) => order.id === path.id);
    if (at < 0) return undefined;
    const order = Order.parse({ ...this.#orders[at]!.dump(), ...change.dump() });
    this.#orders[at] = order;
    return order;
  }
}
