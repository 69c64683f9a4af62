// Status as label and colour together (never colour alone).
import type { Status } from '../../shared/domain.js';
import { STATUS_LABELS } from '../app/format.js';

export function StatusBadge({ status }: { status: Status }) {
  return <span className={`badge badge-${status}`}>{STATUS_LABELS[status]}</span>;
}
