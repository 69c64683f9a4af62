// The story editor: the status line, the workflow bar, the notices, the fields and the body, and
// the side panel (checks, comments, history, photos). Loaded lazily, with tiptap, when a story
// opens. The story's session (session/useStorySession.ts) does the work; this lays it out.
import { useCallback, useContext, useState } from 'react';
import { createPortal } from 'react-dom';
import type { DocNode, Finding } from '../../shared/domain.js';
import { isLockLive } from '../../shared/workflow.js';
import { useFocusOnOpen } from '../app/focusLanding.js';
import { useApp } from '../app/store.js';
import { useFindingActions, type PhotoFocus } from '../copyDesk/useFindingActions.js';
import { useDesktop } from '../newsroom/desktopStore.js';
import { OfflineCopyNotice } from '../newsroom/offline.js';
import { AsideSlot } from '../shell/asideSlot.js';
import { Banner } from './Banner.js';
import { CompareDialog } from './CompareDialog.js';
import { selectRange, useCommentHighlights } from './commentsInBody.js';
import { DeskChangesOffer } from './DeskChanges.js';
import { DeskNotes } from './DeskNotes.js';
import { EditorHeader } from './EditorHeader.js';
import { ForceUnlockDialog } from './ForceUnlockDialog.js';
import { KeptTextDialog } from './KeptTextDialog.js';
import { LocalCopyNotice } from './LocalCopyNotice.js';
import { LockNotices } from './LockNotices.js';
import { PreviewDialog } from './PreviewDialog.js';
import { rawText } from './rawText.js';
import { ReplayConflictNotice, SaveNotices } from './SaveNotices.js';
import { useDeskChanges } from './session/useDeskChanges.js';
import { useStorySession } from './session/useStorySession.js';
import { SidePanel } from './SidePanel.js';
import { StoryBody } from './StoryBody.js';
import { StoryFieldsForm } from './StoryFieldsForm.js';
import { TakeOffline } from './TakeOffline.js';
import { TakeOverNotice } from './TakeOverNotice.js';
import type { Tab } from './Tabs.js';
import { ActionError, WorkflowBar } from './WorkflowBar.js';

export default function StoryEditor({ storyId }: { storyId: number }) {
  const s = useStorySession(storyId);
  const me = useApp((st) => st.me);
  const deskChanges = useDeskChanges({ story: s.data?.story ?? null, editor: s.editor, meId: me?.id });
  // Read only while the desk's changes are marked in it.
  const editable = s.editable && !deskChanges.shown;
  const staff = useApp((st) => st.staff);
  const desks = useApp((st) => st.desks);
  const openStory = useApp((st) => st.openStory);
  const aside = useContext(AsideSlot);

  const [dialog, setDialog] = useState<'preview' | 'forceUnlock' | 'kept' | null>(null);
  const [tab, setTab] = useState<Tab>('checks');
  // A jump from the checks panel to a photo's caption, credit or alt text (on the Photos tab).
  const [photoFocus, setPhotoFocus] = useState<PhotoFocus | null>(null);
  const [activeComment, setActiveComment] = useState<number | null>(null);

  const clearPhotoFocus = useCallback(() => setPhotoFocus(null), []);
  const showPhotos = useCallback((focus: PhotoFocus) => {
    setTab('photos');
    setPhotoFocus(focus);
  }, []);
  const findingActions = useFindingActions({
    storyId,
    editorRef: s.editorRef,
    fieldsRef: s.fieldsRef,
    dataRef: s.dataRef,
    data: s.data,
    editable,
    autosave: s.autosave,
    setFieldValues: s.setFieldValues,
    setLoaded: s.setLoaded,
    refresh: s.refresh,
    checkNow: s.checkNow,
    setActiveKey: s.checks.setActiveKey,
    showPhotos,
  });
  useCommentHighlights(s.editor, s.data?.comments, activeComment);
  // Opened from its row or its link: the focus goes to the headline once the text may be typed in,
  // else to the body (the headline, when the body has no editor).
  useFocusOnOpen(storyId, !!s.data && s.lock !== 'pending' && (!!s.editor || s.bodyProblems.length > 0), () =>
    s.editable ? document.getElementById('f-headline') : (s.editor?.view.dom ?? document.getElementById('f-headline')),
  );
  const { jump } = findingActions.actions;
  // From the approve dialog: the finding in the checks panel (with its fixes and Dismiss), and its first place in the text.
  const goToFinding = useCallback(
    (finding: Finding) => {
      setTab('checks');
      jump(finding, 0);
    },
    [jump],
  );

  if (s.loadError) {
    return (
      <div className="editor">
        <Banner kind="error">
          Could not open the story: {s.loadError}{' '}
          <button type="button" className="quiet" onClick={() => openStory(null)}>
            Close story
          </button>
        </Banner>
      </div>
    );
  }
  const { data, fields } = s;
  if (!data || !fields) return <p className="loading">Opening the story…</p>;

  const { story } = data;
  const language = story.language || 'en';
  const liveLock = isLockLive(story.lock, new Date().toISOString()) ? story.lock : null;
  const isDesk = !!me?.roles.includes('desk_editor');
  const { offer } = s;

  const side = (
    <SidePanel
      storyId={storyId}
      data={data}
      tab={tab}
      setTab={setTab}
      checks={s.checks}
      checkNow={s.checkNow}
      findingActions={findingActions}
      editor={s.editor}
      activeComment={activeComment}
      onActivateComment={(id) => {
        setActiveComment(id);
        const c = data.comments.find((x) => x.id === id);
        if (c?.anchor) selectRange(s.editorRef.current, c.anchor, c.anchor.quote);
      }}
      savedVersion={s.savedVersion}
      canRestore={editable}
      onRestoreRevision={s.restoreRevision}
      photoFocus={photoFocus}
      onPhotoFocused={clearPhotoFocus}
      refresh={s.refresh}
    />
  );

  return (
    <div className="editor" lang={language} onCompositionStart={() => s.setComposing(true)} onCompositionEnd={() => s.setComposing(false)}>
      <EditorHeader
        story={story}
        words={s.words}
        editable={editable}
        lock={s.lock}
        saveState={s.saveState}
        onPreview={() => setDialog('preview')}
        onClose={() => openStory(null)}
      />

      <WorkflowBar
        actions={data.allowedActions}
        run={s.run}
        reviewApproval={s.reviewApproval}
        goToFinding={goToFinding}
        pending={s.pending}
        setPending={s.setPending}
        busy={s.busy}
        error={s.pending ? s.actionError : null}
        extra={<TakeOffline story={story} editable={editable} meId={me?.id} onTaken={(taken) => s.setLoaded({ ...data, story: taken })} />}
      />

      <div className="banners">
        <OfflineCopyNotice />
        {s.replayKept ? (
          <Banner kind="warning">
            <strong>Your changes made offline could not be sent.</strong> {s.replayKept.reason}{' '}
            <button type="button" onClick={() => useDesktop.getState().setOutboxOpen(true)}>
              Open the outbox
            </button>
          </Banner>
        ) : null}
        {s.replayConflict ? (
          <ReplayConflictNotice
            theirs={story}
            ready={s.keptMine !== null}
            editable={s.editable}
            onCompare={() => s.setComparingReplay(true)}
            keepMine={s.keepMineReplay}
            takeTheirs={s.takeTheirsReplay}
          />
        ) : null}
        {s.actionError && !s.pending ? <ActionError error={s.actionError} /> : null}
        {s.takeOver ? (
          <TakeOverNotice takeOver={s.takeOver} onCompare={() => setDialog('kept')} onHistory={() => setTab('history')} onDismiss={() => s.setTakeOver(null)} />
        ) : null}
        <LockNotices
          story={story}
          lock={s.lock}
          liveLock={liveLock}
          isDesk={isDesk}
          me={me}
          staff={staff}
          elsewhere={s.elsewhere}
          busy={s.busy}
          onTakeOver={() => setDialog('forceUnlock')}
          onTakeOverHere={() => void s.takeOverHere()}
        />
        <DeskNotes story={story} />
        <DeskChangesOffer desk={deskChanges} />
        <SaveNotices
          saveState={s.saveState}
          conflict={s.conflict}
          onCompare={() => s.setComparing(true)}
          keepMine={s.keepMine}
          takeTheirs={s.takeTheirs}
          retrySave={s.retrySave}
        />
        {offer && !(s.editable && offer.baseVersion === story.version) ? (
          <LocalCopyNotice offer={offer} editable={s.editable} restore={s.restoreLocal} discard={s.discardLocal} />
        ) : null}
        {s.notice ? (
          <Banner kind="info">
            {s.notice}{' '}
            <button type="button" className="quiet" onClick={() => s.setNotice(null)}>
              Dismiss
            </button>
          </Banner>
        ) : null}
      </div>

      <div className="editor-scroll">
        <StoryFieldsForm storyId={storyId} fields={fields} readOnly={!editable} desks={desks} staff={staff} changeField={s.changeField} />
        <StoryBody
          stored={story.body}
          initial={s.initialBody ?? story.body}
          problems={s.bodyProblems}
          editable={editable}
          lang={language}
          onReady={s.onEditorReady}
          onChange={s.onBodyChange}
          onNotice={s.setNotice}
        />
      </div>

      {aside ? createPortal(side, aside) : null}

      {dialog === 'preview' ? <PreviewDialog storyId={storyId} onClose={() => setDialog(null)} /> : null}
      {dialog === 'forceUnlock' ? <ForceUnlockDialog liveLock={liveLock} busy={s.busy} forceUnlock={s.forceUnlock} onClose={() => setDialog(null)} /> : null}
      {dialog === 'kept' && s.takeOver?.kept ? <KeptTextDialog storyId={storyId} revisionId={s.takeOver.kept} story={story} onClose={() => setDialog(null)} /> : null}
      {s.comparing && s.conflict ? (
        <CompareDialog
          theirs={s.conflict}
          mine={{ headline: fields.headline, text: s.editor ? rawText(s.editor.getJSON() as DocNode) : '' }}
          language={language}
          keepMine={s.keepMine}
          takeTheirs={s.takeTheirs}
          onClose={() => s.setComparing(false)}
        />
      ) : null}
      {s.comparingReplay && s.keptMine ? (
        <CompareDialog
          theirs={story}
          mine={{ headline: s.keptMine.headline, text: rawText(s.keptMine.body) }}
          language={language}
          keepMine={s.keepMineReplay}
          takeTheirs={() => void s.takeTheirsReplay()}
          onClose={() => s.setComparingReplay(false)}
        />
      ) : null}
    </div>
  );
}
