// The models of the example web services (examples/fastify, examples/express, examples/hono).
import { Model, field, model, type Email, type Ge, type Int, type Le, type MinLength, type Standard } from 'tydantic';

/** One line of a ticket order. */
@model({ extra: 'forbid' })
export class TicketLine extends Model {
  /** The event's code. */
  @field({ pattern: '^[A-Z]{3}-[0-9]{3}$' }) event!: string;
  quantity!: Int & Ge<1> & Le<10>;
}

/** Body of POST /orders. */
@model({ extra: 'forbid' })
export class BookTickets extends Model {
  declare static readonly '~standard': Standard<BookTickets>;
  buyer!: string & MinLength<1>;
  email!: Email;
  @field({ minItems: 1 }) lines!: TicketLine[];
  /** Rush delivery. */
  rush: boolean = false;
}

/** Body of PATCH /orders/:id. */
@model({ extra: 'forbid' })
export class UpdateBooking extends Model {
  status!: 'paid' | 'cancelled';
  note?: string;
}

/** Path parameters of /orders/:id. */
@model()
export class BookingPath extends Model {
  id!: Int & Ge<1>;
}

/** Query of GET /orders. */
@model()
export class BookingQuery extends Model {
  /** Bookings with any of these events. */
  event: string[] = [];
  status?: 'open' | 'paid' | 'cancelled';
  limit: Int & Ge<1> & Le<100> = 20;
}

/** An order as the service answers it. */
@model()
export class Booking extends Model {
  id!: Int;
  buyer!: string;
  email!: Email;
  lines!: TicketLine[];
  rush!: boolean;
  status!: 'open' | 'paid' | 'cancelled';
  note?: string;
  createdAt!: Date;
}

/** A page of orders. */
@model()
export class BookingPage extends Model {
  items!: Booking[];
  total!: Int;
}
