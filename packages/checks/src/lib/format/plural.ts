/**
 * "1 aktivitet", "3 aktiviteter": Swedish plurals are irregular, so both forms are given.
 *
 * @example
 * plural(1, 'träff', 'träffar') // '1 träff'
 */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}
