/** `postgres://…` or `postgresql://…` (what `pg` and libpq accept): history goes to Postgres. */
export const isPostgresUrl = (location: string): boolean => /^postgres(?:ql)?:\/\//i.test(location.trim());
