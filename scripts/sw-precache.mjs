// Writes dist/sw.js from public/sw.js with this build's precache list and version
// (scripts/build-app.sh runs it last, once dist/ holds the whole build).
//
//   node scripts/sw-precache.mjs dist app-<hash> /public-url-prefix
//
// The list is the app shell: index.html (as `/`), the CSS, every file of app-<hash>/
// (loader, main wasm and all route chunks), the favicon and the manifest's icons.
// Not embed.js (it runs on agencies' sites) nor robots.txt, nor the manifest: it is the
// deployment's (cc-server writes its name and colours; a static host edits it), so
// sw.js fetches it like app-config.json, network first. The version is a hash of
// every listed file's bytes, so any change to the build changes sw.js, and the browser
// installs the new worker beside the old one (public/sw.js says how it waits).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const [dist, appDir, prefix = ''] = process.argv.slice(2);

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const shell = (path) => {
  const name = relative(dist, path).split(sep).join('/');
  if (/\.(br|gz)$/.test(name)) return false;
  return name === 'index.html' || /^site-[0-9a-f]+\.css$/.test(name) || name.startsWith(`${appDir}/`)
    || name === 'favicon.svg' || name.startsWith('icons/');
};

const paths = filesUnder(dist).filter(shell).sort();
if (!paths.some((p) => p.endsWith(`${appDir}${sep}contacto-ciudadano_bg.wasm`))) {
  throw new Error(`no main wasm in ${dist}/${appDir}`);
}
const hash = createHash('sha256');
for (const path of paths) hash.update(relative(dist, path)).update(readFileSync(path));
const url = (path) => {
  const name = relative(dist, path).split(sep).join('/');
  return `${prefix}/${name === 'index.html' ? '' : name}`;
};
const build = {
  version: hash.digest('hex').slice(0, 16),
  appDir: `${prefix}/${appDir}/`,
  files: paths.map(url),
};

const marker = /^const BUILD = .*; \/\/ BUILD .*$/m;
const source = readFileSync('public/sw.js', 'utf8');
if (!marker.test(source)) throw new Error('public/sw.js: no BUILD line to replace');
writeFileSync(join(dist, 'sw.js'),
  source.replace(marker, () => `const BUILD = ${JSON.stringify(build)}; // BUILD (scripts/build-app.sh)`));
console.log(`sw.js: version ${build.version}, ${build.files.length} files precached`);
