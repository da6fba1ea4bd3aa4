// The order the tools themselves read files in (udev and polkit rules, a browser's managed-policy
// folder): by code unit, as C's strcmp, not by a language's collation. It also leaves ICU's
// collation data unloaded, which would otherwise stay in an idle agent's memory.
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
