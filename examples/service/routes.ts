// What the three example services share: the orders they keep and the routes their OpenAPI document lists.
import { openApiDocument, type Route } from 'tydantic';
import { BookTickets, Booking, BookingPage, BookingPath, BookingQuery, UpdateBooking } from './models';

/** The routes, for the OpenAPI document (each service registers the same ones). */
export const ROUTES: Route[] = [
  { method: 'post', path: '/orders', summary: 'Place an order', body: BookTickets, responses: { 200: Booking } },
  { method: 'get', path: '/orders', summary: 'List orders', query: BookingQuery, responses: { 200: BookingPage } },
  { method: 'patch', path: '/orders/:id', summary: 'Pay or cancel an order', params: BookingPath, body: UpdateBooking, responses: { 200: Booking, 404: { description: 'No such order' } } },
];

/** The service's OpenAPI 3.1 document. */
export const openapi = (): object => openApiDocument({ info: { title: 'Tickets', version: '1.0.0' }, routes: ROUTES });

/** An in-memory store of orders; `now` fixes the clock (tests). */
export class Bookings {
  readonly #orders: Booking[] = [];
  readonly #now: () => Date;

  constructor(now: () => Date = () => new Date()) {
    this.#now = now;
  }

  create(input: BookTickets): Booking {
    const order = Booking.parse({ id: this.#orders.length + 1, ...input.dump(), status: 'open', createdAt: this.#now() });
    this.#orders.push(order);
    return order;
  }

  list(query: BookingQuery): BookingPage {
    const items = this.#orders.filter((order) => (query.event.length === 0 || order.lines.some((line) => query.event.includes(line.event))) && (query.status === undefined || order.status === query.status));
    return BookingPage.parse({ items: items.slice(0, query.limit).map((order) => order.dump()), total: items.length });
  }

  update(path: BookingPath, change: UpdateBooking): Booking | undefined {
    const at = this.#orders.findIndex((order) => order.id === path.id);
    if (at < 0) return undefined;
    const order = Booking.parse({ ...this.#orders[at]!.dump(), ...change.dump() });
    this.#orders[at] = order;
    return order;
  }
}
