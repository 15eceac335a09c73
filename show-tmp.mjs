import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
const [file, ...titles] = process.argv.slice(2);
const doc = new JSDOM(readFileSync(file, 'latin1')).window.document;
for (const h of doc.querySelectorAll('h3')) {
  if (!titles.some(t => h.textContent.trim().toLowerCase() === t.toLowerCase())) continue;
  console.log('##', h.textContent.trim());
  let n = h.nextElementSibling;
  const out = n.outerHTML.replace(/\s+/g, ' ').replace(/> </g, '><').replace(/<tr/g, '\n<tr').replace(/<li/g, '\n<li').replace(/<h/g, '\n<h').replace(/<p/g, '\n<p');
  console.log(out.slice(0, 5000));
}
