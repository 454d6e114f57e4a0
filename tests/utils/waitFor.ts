/** Polls `condition` until it holds or `timeoutMs` passes; fails with `message` then. */
export async function waitFor(condition: () => boolean | Promise<boolean>, message: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${message}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
