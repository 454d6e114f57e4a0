/** Waits until `condition` holds, checking every 2 ms, for at most 2 s (unit tests of the room). */
export async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 2_000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached')
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}
