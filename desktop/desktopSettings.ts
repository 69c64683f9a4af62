// What the desktop remembers about its newsroom in desktop.db: the person's choice, the server and
// its pinned certificate, the device session (its token never leaves this process except to the
// server it belongs to) and whose it is.

import type { Staff } from '../shared/domain.js';
import type { TokenStore } from '../shared/httpApi.js';
import { getDesktopSetting, setDesktopSetting, type Db } from '../db/desktop/index.js';

export type ChosenMode = 'local' | 'connected';

export class DesktopSettings {
  constructor(readonly db: Db) {}

  get mode(): ChosenMode | null {
    const value = getDesktopSetting(this.db, 'mode');
    return value === 'local' || value === 'connected' ? value : null;
  }
  set mode(mode: ChosenMode | null) {
    setDesktopSetting(this.db, 'mode', mode);
  }

  get serverUrl(): string | null {
    return getDesktopSetting(this.db, 'serverUrl');
  }
  set serverUrl(url: string | null) {
    setDesktopSetting(this.db, 'serverUrl', url);
  }

  get pinnedFingerprint(): string | null {
    return getDesktopSetting(this.db, 'pinnedFingerprint');
  }
  set pinnedFingerprint(fingerprint: string | null) {
    setDesktopSetting(this.db, 'pinnedFingerprint', fingerprint);
  }

  /** The person the device session is (or was last) for: kept while their changes wait. */
  get person(): Staff | null {
    const value = getDesktopSetting(this.db, 'person');
    if (!value) return null;
    try {
      return JSON.parse(value) as Staff;
    } catch {
      return null;
    }
  }
  set person(staff: Staff | null) {
    setDesktopSetting(this.db, 'person', staff ? JSON.stringify(staff) : null);
  }

  get needsSignIn(): boolean {
    return getDesktopSetting(this.db, 'needsSignIn') === '1';
  }
  set needsSignIn(value: boolean) {
    setDesktopSetting(this.db, 'needsSignIn', value ? '1' : null);
  }

  get lastOnlineAt(): string | null {
    return getDesktopSetting(this.db, 'lastOnlineAt');
  }
  set lastOnlineAt(at: string | null) {
    setDesktopSetting(this.db, 'lastOnlineAt', at);
  }

  /** The device token as the remote client's TokenStore. */
  readonly deviceToken: TokenStore = {
    get: () => getDesktopSetting(this.db, 'deviceToken'),
    set: (token) => setDesktopSetting(this.db, 'deviceToken', token),
  };
}
