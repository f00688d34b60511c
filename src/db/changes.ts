/**
 * Whether an update carries any value. A PATCH may leave every field out; an UPDATE with
 * nothing to SET is not SQL, so such a change is no statement at all.
 */
export const hasChanges = (values: object): boolean => Object.values(values).some((value) => value !== undefined);
