import { Model, field, model } from 'tydantic';

/** A postal address on a shipping label. */
@model()
export class Address extends Model {
  street!: string;
  city!: string;
  /** Five-digit ZIP code. */
  @field({ pattern: '^[0-9]{5}$' }) zip!: string;
  country: 'US' | 'CA' = 'US';

  /** One line, as printed on the label. */
  get oneLine(): string {
    return `${this.street}, ${this.city} ${this.zip}, ${this.country}`;
  }
}
