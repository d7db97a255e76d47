/** Bounds that keep hostile schemas from hanging the page. */
export const LIMITS = {
  /** Levels built eagerly below a node before the rest is deferred behind a lazy node. */
  eagerDepth: 12,
  /** Nodes built per level (one `buildFormModel` or one `resolve()`); the rest is deferred. */
  nodesPerLevel: 5000,
  /** `$ref` → `$ref` hops followed before giving up as a cycle. */
  refHops: 64,
  /** Nested `allOf` levels merged. */
  mergeDepth: 32,
  /** Choices shown in a select; longer enums are edited as JSON. */
  enumChoices: 1000,
  /** Properties the form renders at once; the rest behind "Show more". */
  renderedProperties: 300,
  /** `$ref` hops `initialValue` follows when building a required skeleton. */
  skeletonRefs: 8,
  /** Schema nodes scanned when looking for `$id` / `$anchor` targets. */
  indexNodes: 200_000,
} as const;
