import type { RegistryCollection } from './registry-list.ts'

/** A PATCH body as the registry routes take it: some fields, and the version last seen. */
export type RecordPatch = { version: number; location?: [number, number] | undefined } & object

/** The detail as it will be once the patch lands (derived values wait for the server). */
export function patchedDetail<D extends object>(detail: D, patch: RecordPatch): D {
  const { version: _version, ...fields } = patch
  return { ...detail, ...fields }
}

/**
 * A viewport list with the record's point moved (and its name changed) as the patch says;
 * the same object when the record is not in it, so unaffected lists do not redraw.
 */
export function patchedCollection<P>(
  collection: RegistryCollection<P>,
  id: string,
  patch: RecordPatch & { name?: string | undefined },
): RegistryCollection<P> {
  if (!collection.features.some((f) => String(f.id) === id)) return collection
  return {
    ...collection,
    features: collection.features.map((f) =>
      String(f.id) !== id
        ? f
        : {
            ...f,
            geometry: patch.location ? { type: 'Point', coordinates: patch.location } : f.geometry,
            properties:
              patch.name === undefined ? f.properties : { ...f.properties, name: patch.name },
          },
    ),
  }
}
