/** Windows reserves these names whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** An ASCII, lower-case, filesystem-safe slug cut at a word boundary: same input, same slug (stable names). */
export function slugify(text: string, maxLength = 40): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-+$/, '');
  const cut =
    slug.length > maxLength ? slug.slice(0, maxLength).replace(/-[^-]*$/, '') || slug.slice(0, maxLength) : slug;
  if (!cut) return 'untitled';
  return RESERVED.test(cut) ? `${cut}-file` : cut;
}

/** `0001_2026-11-03_lab_complete-blood-count`: ordered, dated, readable, unique by its number. */
export function recordFolderName(index: number, date: string | undefined, kind: string, title: string): string {
  const day = date?.slice(0, 10) ?? 'undated';
  return `${String(index + 1).padStart(4, '0')}_${day}_${kind}_${slugify(title)}`;
}

export function packageFileName(caseTitle: string, date: Date): string {
  return `SecondLook_${slugify(caseTitle, 50)}_${date.toISOString().slice(0, 10)}.zip`;
}
