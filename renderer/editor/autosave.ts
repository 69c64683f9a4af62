// Saves a moment after typing stops, one save at a time, carrying the version it was based on.
// Failures keep the text (it never leaves the editor) and retry with backoff; a CONFLICT or a
// refusal stops autosave until the person decides, and nothing is discarded meanwhile.
import type { Story } from '../../shared/domain.js';
import { toUiError, type UiError } from '../app/errors.js';

export type Field = 'headline' | 'subheadlines' | 'slug' | 'byline' | 'dateline' | 'desk' | 'body';

export type SaveState =
  | { kind: 'clean' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'retrying'; attempt: number; message: string }
  | { kind: 'conflict'; error: UiError }
  | { kind: 'refused'; error: UiError };

export interface AutosaveDeps {
  save(baseVersion: number, fields: ReadonlySet<Field>): Promise<Story>;
  onState(state: SaveState): void;
  onSaved(story: Story): void;
  /** True while an IME composition is open: never save half a Korean syllable. */
  isComposing(): boolean;
}

export const AUTOSAVE_DELAY_MS = 1000;
const MAX_BACKOFF_MS = 30_000;

export class Autosave {
  version: number;
  private readonly dirty = new Set<Field>();
  private editSeq = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inflight: Promise<void> | null = null;
  private attempt = 0;
  private blocked = false;
  private disposed = false;
  state: SaveState = { kind: 'clean' };

  constructor(
    version: number,
    private readonly deps: AutosaveDeps,
  ) {
    this.version = version;
  }

  get isDirty(): boolean {
    return this.dirty.size > 0;
  }

  get dirtyFields(): ReadonlySet<Field> {
    return this.dirty;
  }

  /** A save is on its way (whatever was typed since): its answer carries the version it made. */
  get saving(): boolean {
    return this.inflight !== null;
  }

  /** Something was typed in `field`. */
  touch(field: Field): void {
    this.dirty.add(field);
    this.editSeq += 1;
    if (!this.blocked && this.state.kind !== 'retrying') this.setState({ kind: 'dirty' });
    if (!this.blocked && this.state.kind !== 'retrying') this.schedule(AUTOSAVE_DELAY_MS);
  }

  /** Marks every field dirty (keep mine, restore a local copy). */
  touchAll(fields: Field[]): void {
    for (const f of fields) this.dirty.add(f);
    this.editSeq += 1;
  }

  /** Forget local edits (take theirs): the editor now shows the server's version. */
  reset(version: number): void {
    this.clearTimer();
    this.dirty.clear();
    this.editSeq += 1;
    this.version = version;
    this.blocked = false;
    this.attempt = 0;
    this.setState({ kind: 'clean' });
  }

  /** Lifts a conflict or refusal and saves now (keep mine, try again). */
  resume(version?: number): Promise<boolean> {
    if (version !== undefined) this.version = version;
    this.blocked = false;
    this.attempt = 0;
    return this.flush();
  }

  /** Saves now and waits; true when everything typed is saved. */
  async flush(): Promise<boolean> {
    this.clearTimer();
    // Wait for a save in flight, then save what is left.
    for (let i = 0; i < 3; i++) {
      if (this.inflight) await this.inflight;
      if (this.blocked || this.dirty.size === 0) break;
      await this.run(true);
    }
    return this.dirty.size === 0;
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private setState(state: SaveState): void {
    // Typing sets "dirty" on every key; only a change of state re-renders the editor.
    if (state.kind === this.state.kind && (state.kind === 'dirty' || state.kind === 'saving' || state.kind === 'clean')) return;
    this.state = state;
    if (!this.disposed) this.deps.onState(state);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    this.clearTimer();
    if (this.disposed) return;
    this.timer = setTimeout(() => void this.run(false), ms);
  }

  private async run(now: boolean): Promise<void> {
    this.timer = null;
    if (this.blocked || this.dirty.size === 0) return;
    if (!now && this.deps.isComposing()) return this.schedule(400);
    if (this.inflight) {
      // Saved again once the one in flight answers.
      if (!now) this.schedule(AUTOSAVE_DELAY_MS);
      return;
    }
    const seq = this.editSeq;
    const fields = new Set(this.dirty);
    this.setState({ kind: 'saving' });
    let done!: () => void;
    this.inflight = new Promise<void>((resolve) => (done = resolve));
    try {
      const story = await this.deps.save(this.version, fields);
      this.version = story.version;
      this.attempt = 0;
      // Only what was sent counts as saved; anything typed meanwhile saves next.
      if (this.editSeq === seq) this.dirty.clear();
      this.deps.onSaved(story);
      if (this.dirty.size === 0) this.setState({ kind: 'saved', at: new Date() });
      else {
        this.setState({ kind: 'dirty' });
        this.schedule(AUTOSAVE_DELAY_MS);
      }
    } catch (e) {
      const error = toUiError(e);
      if (error.code === 'CONFLICT') {
        this.blocked = true;
        this.setState({ kind: 'conflict', error });
      } else if (['VALIDATION', 'FORBIDDEN', 'LOCKED', 'INVALID_STATE', 'NOT_FOUND'].includes(error.code)) {
        this.blocked = true;
        this.setState({ kind: 'refused', error });
      } else {
        // Network or server trouble: keep trying, waiting longer each time.
        this.attempt += 1;
        this.setState({ kind: 'retrying', attempt: this.attempt, message: error.message });
        this.schedule(Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(this.attempt, 5)));
      }
    } finally {
      this.inflight = null;
      done();
    }
  }
}
