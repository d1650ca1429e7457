/**
 * The path of a picked or dropped file below the folder it is uploaded to: file-selector's
 * `relativePath` ("./a.txt", "/photos/2024/a.jpg"), else the folder picker's
 * webkitRelativePath ("photos/2024/a.jpg"), else the name. Empty, "." and ".." segments are
 * dropped, so a path can never climb above the current prefix or start with "/".
 */
export function uploadPath(file: File): string {
  const withPath = file as File & { relativePath?: unknown; path?: unknown };
  const raw =
    (typeof withPath.relativePath === 'string' && withPath.relativePath) ||
    (typeof withPath.path === 'string' && withPath.path) ||
    file.webkitRelativePath ||
    file.name;
  const segments = raw
    .replaceAll('\\', '/')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  return segments.length > 0 ? segments.join('/') : file.name || 'file';
}
