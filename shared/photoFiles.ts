// The names of the files of a photo import: what is kept as a label, and which file is an .xmp
// sidecar of which photo. The core pairs them when it imports; the browser's client sends each
// pair in one call, since it otherwise uploads file by file and the core would see them apart.

/** A file name safe to keep as a label: no path, no control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 255);
  return cleaned || 'photo';
}

export const isSidecarName = (name: string): boolean => /\.xmp$/i.test(name);

/** "IMG_1.jpg" and its sidecars "IMG_1.xmp" or "IMG_1.jpg.xmp", compared without case. */
const stem = (name: string) => name.replace(/\.[^.]*$/, '').toLowerCase();

/** For each sidecar in `names` (by index), the index of the photo of the same name; each photo takes at most one. */
export function pairSidecars(names: readonly string[]): Map<number, number> {
  const photos = names.flatMap((name, index) => (isSidecarName(name) ? [] : [{ index, name: cleanFileName(name) }]));
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  names.forEach((name, index) => {
    if (!isSidecarName(name)) return;
    const target = stem(cleanFileName(name));
    const photo = photos.find((p) => !taken.has(p.index) && (stem(p.name) === target || p.name.toLowerCase() === target));
    if (!photo) return;
    taken.add(photo.index);
    pairs.set(index, photo.index);
  });
  return pairs;
}
