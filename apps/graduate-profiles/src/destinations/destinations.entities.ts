/** Entities of this context, for the data source's explicit list. */
export const DESTINATION_ENTITIES: Function[] = [];
