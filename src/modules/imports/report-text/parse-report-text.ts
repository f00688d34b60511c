/**
 * The report-text importer's core, a pure function: pasted text in, proposals out.
 * normalise → drop repeated passages → clauses → proposals, each with the text it came from,
 * its warnings and a confidence the reviewer can sort by.
 */
import type { Proposal } from '../imports.schemas.js';
import { splitClauses } from './clauses.js';
import { MISSING, ReportReader, type Draft } from './extract.js';
import { participantMatcher, type KnownBranch, type KnownStaffMember } from './participants.js';
import { dropRepeatedPassages, type RepeatedPassage } from './repeated-passages.js';
import { detectYear, normaliseReportText } from './text.js';

export type { KnownBranch, KnownStaffMember } from './participants.js';

export interface ParsedReportText {
  year: number | null;
  proposals: Proposal[];
  repeatedPassages: RepeatedPassage[];
}

const MISSING_TEXTS = new Set<unknown>(Object.values(MISSING));

/** low: something the record needs is missing; medium: something was guessed; high: nothing to check. */
function confidenceOf(draft: Draft): Proposal['confidence'] {
  if (draft.warnings.some((w) => MISSING_TEXTS.has(w) || w.startsWith('выберите сотрудников'))) return 'low';
  return draft.warnings.length ? 'medium' : 'high';
}

export function parseReportText(raw: string, network: { branches: readonly KnownBranch[]; staff: readonly KnownStaffMember[] }): ParsedReportText {
  const { text, repeated } = dropRepeatedPassages(normaliseReportText(raw));
  const reader = new ReportReader(participantMatcher(network.branches, network.staff));
  for (const clause of splitClauses(text)) reader.read(clause);
  const proposals = reader.drafts.map((draft, index) => ({ ...draft, key: `p${index + 1}`, confidence: confidenceOf(draft) }) as Proposal);
  return { year: detectYear(text), proposals, repeatedPassages: repeated };
}
