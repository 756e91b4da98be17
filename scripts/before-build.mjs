/**
 * electron-builder beforeBuild hook: the app needs no node_modules, so none are rebuilt or packed.
 *
 * Resolving to false tells electron-builder that node_modules are "handled externally": it then
 * skips the native rebuild and copies no production dependencies into app.asar. That is right
 * because out/main/index.js bundles every library it uses and the preload is one bundled file
 * (see electron.vite.config.ts); packaging/pack.test.ts proves the packed app has no node_modules.
 */
export default async function beforeBuild() {
  return false;
}
