/** Geography and jurisdiction (地理/辖区): great-circle distances, coordinate checks and the region-code prefix that scopes every agency. */
export * from './geo.ts'
export * from './jurisdiction.ts'
