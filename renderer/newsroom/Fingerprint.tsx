// A certificate's SHA-256 fingerprint, in groups of four bytes on two lines, to compare with the
// one the newsroom's IT person reads out.
import { fingerprintGroups } from './desktopWords.js';

export function Fingerprint({ value, label }: { value: string; label: string }) {
  return (
    <div className="fingerprint">
      <div className="fingerprint-label">{label}</div>
      <code className="fingerprint-value">
        {fingerprintGroups(value).map((line, i) => (
          <span key={i} className="fingerprint-line">
            {line.map((group, j) => (
              <span key={j} className="fingerprint-group">
                {group}
              </span>
            ))}
          </span>
        ))}
      </code>
    </div>
  );
}
