/**
 * Invented ISBNs for the demo catalogue: a publisher's real group and registrant prefix, an invented
 * title number, and the check digit computed as ISBN-13 requires. Unique within the catalogue.
 */
export class IsbnAllocator {
  private readonly used = new Set<string>();

  /** A new hyphenated ISBN-13 under the prefix ('5-17' → 978-5-17-NNNNNN-C). */
  next(prefix: string, random: () => number): string {
    const [group, registrant] = prefix.split('-') as [string, string];
    const titleDigits = 9 - group.length - registrant.length;
    for (;;) {
      const title = String(Math.floor(random() * 10 ** titleDigits)).padStart(titleDigits, '0');
      const body = `978${group}${registrant}${title}`;
      if (this.used.has(body)) continue;
      this.used.add(body);
      return `978-${group}-${registrant}-${title}-${isbn13CheckDigit(body)}`;
    }
  }
}

/** The EAN-13 check digit of twelve digits: weights 1, 3, 1, 3…, then 10 minus the sum mod 10. */
export function isbn13CheckDigit(twelveDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelveDigits[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}
