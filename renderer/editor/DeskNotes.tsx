// The desk's notes to the reporter: why a story came back, and the correction being made.
import type { Story } from '../../shared/domain.js';

export function DeskNotes({ story }: { story: Story }) {
  return (
    <>
      {story.sendBackNote && story.status === 'draft' ? (
        <div className="desk-note-banner" role="note">
          <strong>Returned by the desk:</strong> {story.sendBackNote}
        </div>
      ) : null}
      {story.correctionNote && story.status !== 'published' ? (
        <div className="desk-note-banner" role="note">
          <strong>Correction:</strong> {story.correctionNote}
        </div>
      ) : null}
    </>
  );
}
