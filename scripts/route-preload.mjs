// Prints the inline script scripts/build-app.sh puts first in dist/index.html: on a
// direct visit to a page other than `/`, it asks the browser for that page's wasm
// chunks at once, in parallel with the main module, instead of after the main module
// has downloaded and started (one round trip and the whole start-up saved).
//
//   node scripts/route-preload.mjs dist/app-<hash> /app-<hash>/ /public-url-prefix
//
// Which chunks a page needs comes from the splitter's own loader (__wasm_split.js names,
// above each shared chunk, the split modules that use it). Which split module a path
// belongs to follows the routes of src/app.rs and the `in <chunk>` names of
// src/app/split.rs; a path not listed here just preloads nothing (the page still loads
// its chunks itself, as before).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [appDir, base, prefix = ''] = process.argv.slice(2);
const loader = readFileSync(join(appDir, '__wasm_split.js'), 'utf8');

const users = new Map();
for (const m of loader.matchAll(/\/\*\s*([a-z_, ]+?)\s*\*\/\s*const __(chunk_\d+)\b/g)) {
  users.set(`${m[2]}.wasm`, m[1].split(',').map((s) => s.trim()));
}
const splits = [...new Set([...loader.matchAll(/split_([a-z_]+)\.wasm/g)].map((m) => m[1]))];
if (splits.length === 0) throw new Error(`no split modules named in ${appDir}/__wasm_split.js`);

const manifest = {};
for (const split of splits) {
  const shared = [...users].filter(([, names]) => names.includes(split)).map(([file]) => file);
  manifest[split] = ['__wasm_split.js', `split_${split}.wasm`, ...shared];
}

// Kept short: it is in every page, and its hash is in the CSP (crates/server/src/web.rs).
const script = `(()=>{const m=${JSON.stringify(manifest)},b=${JSON.stringify(base)},x=${JSON.stringify(prefix)};`
  + 'let p=location.pathname;if(x&&p.startsWith(x))p=p.slice(x.length)||"/";'
  + 'const s=p==="/tramites"?"catalog_search":p.startsWith("/tramites/")?"catalog_procedure"'
  + ':p.startsWith("/contacto")?"intake":p.startsWith("/seguimiento")||p==="/mis-casos"?"tracking"'
  + ':p==="/privacidad"?"privacy":p==="/integrar"||p.startsWith("/embed/")?"embed":p==="/transparencia"?"transparency":p.startsWith("/atencion")?"assisted":p==="/puntos-de-atencion"?"service_points":"";'
  + 'for(const f of m[s]||[]){const l=document.createElement("link");'
  + 'if(f.endsWith(".js"))l.rel="modulepreload";else{l.rel="preload";l.as="fetch";l.type="application/wasm"}'
  + 'l.crossOrigin="anonymous";l.href=b+f;document.head.appendChild(l)}})()';
process.stdout.write(`<script>${script}</script>`);
