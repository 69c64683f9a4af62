// "Newsroom…" for a desktop running in a browser (`serve --connect`), which has no File menu:
// opens the chooser. The desktop app has it in File ▸ Newsroom…; a newsroom server has no choice to make.
import { shell } from '../api/client.js';
import { useDesktop } from './desktopStore.js';

export function NewsroomButton({ className, label = 'Newsroom…' }: { className?: string; label?: string }) {
  const desktop = useDesktop((s) => s.status !== null && s.status.mode !== 'server');
  if (!desktop || shell) return null;
  return (
    <button type="button" className={className} aria-haspopup="dialog" onClick={() => useDesktop.getState().setChoosing(true)}>
      {label}
    </button>
  );
}
