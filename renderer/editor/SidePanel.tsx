// The side panel beside the story: the tabs, and the panel of the one chosen (the copy checks,
// comments, history, or the story's photos, loaded when first shown).
import type { Editor } from '@tiptap/react';
import { lazy, Suspense } from 'react';
import type { RevisionSummary } from '../../shared/domain.js';
import { ChecksPanel } from '../copyDesk/ChecksPanel.js';
import type { PhotoFocus, useFindingActions } from '../copyDesk/useFindingActions.js';
import type { LiveChecks } from '../copyDesk/useLiveChecks.js';
import { ErrorBoundary } from '../ui/ErrorBoundary.js';
import { CommentsPanel } from './CommentsPanel.js';
import { HistoryPanel } from './HistoryPanel.js';
import { NO_DISMISSALS, type Loaded } from './session/useStoryText.js';
import { Tabs, type Tab } from './Tabs.js';

const StoryPhotosPanel = lazy(() => import('../photos/StoryPhotosPanel.js').then((m) => ({ default: m.StoryPhotosPanel })));

export function SidePanel({
  storyId,
  data,
  tab,
  setTab,
  checks,
  checkNow,
  findingActions,
  editor,
  activeComment,
  onActivateComment,
  savedVersion,
  canRestore,
  onRestoreRevision,
  photoFocus,
  onPhotoFocused,
  refresh,
}: {
  storyId: number;
  data: Loaded;
  tab: Tab;
  setTab(t: Tab): void;
  checks: LiveChecks;
  checkNow(): void;
  findingActions: ReturnType<typeof useFindingActions>;
  editor: Editor | null;
  activeComment: number | null;
  onActivateComment(id: number): void;
  savedVersion: number;
  /** Whether a revision may be restored now (the text is editable). */
  canRestore: boolean;
  onRestoreRevision(r: RevisionSummary): Promise<void>;
  photoFocus: PhotoFocus | null;
  onPhotoFocused(): void;
  refresh(applyText: boolean): Promise<unknown>;
}) {
  const openComments = data.comments.filter((c) => !c.resolved && c.parentId === null).length;
  const dismissedKeys = new Set((data.dismissals ?? NO_DISMISSALS).map((d) => d.key));
  // As the desk queue counts them: blocking and warnings not dismissed (notes are not counted).
  const openFindings = checks.findings?.filter((f) => f.severity !== 'info' && !dismissedKeys.has(f.key)).length ?? 0;

  return (
    <>
      <Tabs tab={tab} setTab={setTab} counts={{ checks: openFindings, comments: openComments, photos: data.photos.length }} />
      <div className="tabpanel" role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0}>
        {tab === 'checks' ? (
          <ChecksPanel
            findings={checks.findings}
            dismissals={data.dismissals ?? NO_DISMISSALS}
            error={checks.error}
            outdated={checks.outdated}
            checking={checks.checking}
            live={checks.live}
            setLive={checks.setLive}
            checkNow={checkNow}
            activeKey={checks.activeKey}
            notice={findingActions.notice}
            canRestore={data.canDismissFindings}
            restore={findingActions.restore}
            actions={findingActions.actions}
          />
        ) : tab === 'comments' ? (
          <CommentsPanel
            storyId={storyId}
            comments={data.comments}
            editor={editor}
            activeId={activeComment}
            onActivate={onActivateComment}
            onChanged={() => void refresh(false)}
          />
        ) : tab === 'history' ? (
          <HistoryPanel storyId={storyId} version={savedVersion} canRestore={canRestore} onRestore={onRestoreRevision} />
        ) : (
          <ErrorBoundary what="the story's photos">
            <Suspense fallback={<p className="muted">Loading photos…</p>}>
              <StoryPhotosPanel
                storyId={storyId}
                photos={data.photos}
                canEditPhotos={data.canEditPhotos}
                status={data.story.status}
                photoEditors={data.photoEditors}
                focus={photoFocus}
                onFocused={onPhotoFocused}
                onChanged={() => void refresh(true)}
              />
            </Suspense>
          </ErrorBoundary>
        )}
      </div>
    </>
  );
}
