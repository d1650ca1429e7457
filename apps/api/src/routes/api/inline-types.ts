/**
 * The content types a browser may show inline from the store: passive formats only. HTML,
 * SVG, XML and everything else go out as attachments (and under CSP sandbox in any case), so
 * store content never renders as an active page in the app's origin.
 */
const INLINE = [
  /^text\/plain$/,
  /^image\/(png|jpeg|gif|webp|avif)$/,
  /^application\/(json|pdf)$/,
  /^audio\/[a-z0-9.+-]+$/,
  /^video\/[a-z0-9.+-]+$/,
];

export const mayShowInline = (contentType: string) => {
  const essence = contentType.split(';')[0]!.trim().toLowerCase();
  return INLINE.some((re) => re.test(essence));
};
