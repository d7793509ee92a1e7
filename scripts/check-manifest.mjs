#!/usr/bin/env node
// Fails when an element registered in a define.ts is missing from custom-elements.json or
// lacks its summary, so that a broken doc comment fails `npm run docs` (and CI).
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('docs/reference/custom-elements.json', 'utf8'));
const documented = new Map();
for (const module of manifest.modules) {
  for (const declaration of module.declarations ?? []) {
    if (declaration.tagName) documented.set(declaration.tagName, declaration);
  }
}
const problems = [];
const folders = readdirSync('src/components', { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'shared');
const registered = folders.flatMap((d) => {
  const file = `src/components/${d.name}/define.ts`;
  if (!existsSync(file)) {
    problems.push(`src/components/${d.name} has no define.ts.`);
    return [];
  }
  return [...readFileSync(file, 'utf8').matchAll(/\.define\('([a-z-]+)'\)/g)].map((m) => m[1]);
});
for (const tag of registered) {
  const element = documented.get(tag);
  if (!element) problems.push(`<${tag}> is registered but not in the manifest: add @tagname ${tag} to its class JSDoc.`);
  else if (!element.summary) problems.push(`<${tag}> has no @summary.`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`custom-elements.json documents ${registered.length} elements: ${registered.map((t) => `<${t}>`).join(', ')}`);
