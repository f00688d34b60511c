/** Looks up an id the loader created earlier; the data files' types make a miss a programming error. */
export function idOf(ids: ReadonlyMap<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`Демонстрационные данные ссылаются на неизвестный ключ «${key}»`);
  return id;
}
