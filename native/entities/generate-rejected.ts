/** Why a drawn row was not usable: the generator retries with a fresh draw. */
export class RowRejected extends Error {}
