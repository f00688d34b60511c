/** Values of named fields in readable Russian: for history details and the audit log. */
import { formatDate, formatDateTime, isIsoDate } from './format.js';
import {
  basisKindLabels, branchEventKindLabels, branchTypeLabels, educationLabels, employmentLabels, fieldLabels, roleLabels,
  servicePointKindLabels, t, trainingTopicLabels,
  admissionLabels, audienceLabels, campaignKindLabels, competitionLevelLabels, partnerKindLabels, placeKindLabels,
} from './messages.js';

/** Fields whose values are codes with a label. `kind` may be a branch event's, a service point's, a partner's or a campaign's. */
const valueLabels: Record<string, Record<string, string>[]> = {
  type: [branchTypeLabels],
  kind: [branchEventKindLabels, servicePointKindLabels, partnerKindLabels, campaignKindLabels],
  basisKind: [basisKindLabels],
  employment: [employmentLabels],
  education: [educationLabels],
  topic: [trainingTopicLabels],
  role: [roleLabels],
  audience: [audienceLabels],
  admission: [admissionLabels],
  placeKind: [placeKindLabels],
  level: [competitionLevelLabels],
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** How a branch event records a changed field: { from, to }. */
export interface Change {
  from: unknown;
  to: unknown;
}

export const isChange = (value: unknown): value is Change =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).sort().join() === 'from,to';

/** 'event.occurredOn' → 'Событие / Дата события'. */
export function fieldLabel(path: string): string {
  return path.split('.').map((part) => fieldLabels[part] ?? part).join(' / ');
}

export function formatFieldValue(path: string, value: unknown): string {
  const key = path.split('.').at(-1) ?? path;
  if (value === null || value === undefined || value === '') {
    return key === 'basisKind' ? basisKindLabels[''] : t.empty;
  }
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value === 'string') {
    for (const labels of valueLabels[key] ?? []) if (labels[value]) return labels[value];
    if (isIsoDate(value)) return formatDate(value);
    if (ISO_INSTANT.test(value)) return formatDateTime(value);
    return value;
  }
  if (typeof value === 'number') return key === 'populationServed' ? value.toLocaleString('ru-RU') : String(value);
  if (Array.isArray(value)) return value.length ? value.map((item) => formatFieldValue(key, item)).join(', ') : t.empty;
  if (isChange(value)) return `${formatFieldValue(key, value.from)} → ${formatFieldValue(key, value.to)}`;
  return JSON.stringify(value);
}
