/**
 * Which slides use which uploaded files: the rule lives in core, where the admin reads it too.
 */
export { mediaRefsUsedBy, refsOf } from '#core/media-usage';
