/**
 * Real-world types corpus: GeoJSON (RFC 7946), typed by @types/geojson.
 *
 * `GeoJSON` and `Geometry` are unions discriminated by `type`; `GeometryCollection` is recursive;
 * `Position` is `number[]` and `BBox` a union of two tuples; `Feature<G, P>` is generic.
 */
import { Model, model } from 'tydantic';
import type { BBox, Feature, FeatureCollection, GeoJSON, Geometry, Point, Polygon } from 'geojson';

/** Any GeoJSON object: a geometry, a feature or a feature collection. */
@model()
export class GeoJsonDocument extends Model {
  value!: GeoJSON;
}

/** A feature collection with any geometries and properties. */
@model()
export class Collection extends Model {
  collection!: FeatureCollection;
}

/** One geometry (including a geometry collection). */
@model()
export class Shape extends Model {
  geometry!: Geometry;
}

/** A generic feature instantiated with a point and typed properties. */
@model()
export class NamedPlace extends Model {
  place!: Feature<Point, { name: string }>;
}

/** A feature collection of polygons, and an optional bounding box of its own. */
@model()
export class Regions extends Model {
  regions!: FeatureCollection<Polygon>;
  bbox?: BBox;
}
