/** A typed array that grows as values are appended (doubling), for the index's columns and postings. */
type NumberArray = Int32Array | Uint32Array | Uint16Array | Int16Array | Uint8Array;
type ArrayMaker<A extends NumberArray> = new (length: number) => A;

export class Growable<A extends NumberArray> {
  array: A;
  length = 0;

  constructor(private readonly Make: ArrayMaker<A>) {
    this.array = new Make(1024);
  }

  push(value: number): void {
    if (this.length === this.array.length) this.reserve(this.length + 1);
    this.array[this.length++] = value;
  }

  /** Room for `length` values without another copy. */
  private reserve(length: number): void {
    if (length <= this.array.length) return;
    const next = new this.Make(Math.max(length, this.array.length * 2));
    next.set(this.array.subarray(0, this.length));
    this.array = next;
  }
}

/** Strings as small numbers (document types, languages, ББК divisions, age ratings): counted in arrays, not maps. */
export class Interner {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [];

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }

  /** The code of a value, or -1 when no record has it. */
  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }
}
