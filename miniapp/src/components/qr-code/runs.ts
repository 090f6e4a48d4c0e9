/** A dark stretch of one QR row: `gap` light modules before it, then `length` dark ones. */
export interface DarkRun {
  gap: number;
  length: number;
}

/**
 * Collapses each row of the QR matrix into its dark runs, so a version-4 code is a few hundred views instead of
 * over a thousand single cells — the difference between smooth and sluggish on an old phone.
 */
export function toDarkRuns(matrix: readonly (readonly boolean[])[]): DarkRun[][] {
  return matrix.map((row) => {
    const runs: DarkRun[] = [];
    let gap = 0;
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        gap += 1;
        x += 1;
        continue;
      }
      let length = 0;
      while (x < row.length && row[x]) {
        length += 1;
        x += 1;
      }
      runs.push({ gap, length });
      gap = 0;
    }
    return runs;
  });
}
