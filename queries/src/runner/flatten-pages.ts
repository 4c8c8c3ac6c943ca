/**
 * Rows of a stream of pages, one at a time. An async generator yielding each row costs several promise hops per
 * row; this iterator resolves rows already in the current page immediately, so a caller's `for await` runs at
 * close to the speed of the page conversion (see `pnpm bench:queries`).
 */
export function flattenPages<T>(pages: AsyncIterator<readonly T[]>): AsyncIterableIterator<T> {
  let page: readonly T[] = [];
  let index = 0;
  let finished = false;
  const end: IteratorReturnResult<undefined> = { value: undefined, done: true };
  const fill = async (): Promise<IteratorResult<T, undefined>> => {
    while (index >= page.length) {
      if (finished) return end;
      const next = await pages.next();
      if (next.done) {
        finished = true;
        return end;
      }
      page = next.value;
      index = 0;
    }
    return { value: page[index++]!, done: false };
  };
  return {
    next: () => (index < page.length ? Promise.resolve({ value: page[index++]!, done: false }) : fill()),
    return: async () => {
      finished = true;
      page = [];
      await pages.return?.();
      return end;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
