/** decimal comes back from mysql2 as a string; hours are arithmetic, so numbers here. */
export const hoursColumn = {
  to: (v: number) => v,
  from: (v: string | number) => Number(v),
};
