import { Model, field, model } from 'tydantic';
import { Address } from './address';

/** One line of an order. */
@model({ extra: 'forbid' })
export class OrderItem extends Model {
  @field({ minLength: 1, maxLength: 32 }) sku!: string;
  @field({ int: true, ge: 1, le: 100 }) quantity!: number;
  @field({ gt: 0, multipleOf: 0.01 }) price!: number;
}

/** Body of POST /orders. */
@model({ extra: 'forbid' })
export class CreateOrder extends Model {
  /**
   * The customer's display name.
   * @example "Ada Lovelace"
   */
  @field({ minLength: 1, maxLength: 64 }) customer!: string;
  @field({ pattern: /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i }) email!: string;
  @field({ minItems: 1 }) items!: OrderItem[];
  shipTo!: Address;
  billTo?: Address | null;
  tags: string[] = [];
  priority: 'low' | 'normal' | 'high' = 'normal';
  /**
   * A note printed on the packing slip.
   * @deprecated use the gift service instead
   */
  giftNote?: string;
  placedAt!: Date;

  /** The order total, computed from the items. */
  total(): number {
    return this.items.reduce((sum, item) => sum + item.quantity * item.price, 0);
  }
}
