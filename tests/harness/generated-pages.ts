const TESTS = [
  ['Glucose', 'mg/dL', 70, 99],
  ['Sodium', 'mmol/L', 136, 145],
  ['Potassium', 'mmol/L', 3.5, 5.1],
  ['Creatinine', 'mg/dL', 0.57, 1.0],
  ['Hemoglobin', 'g/dL', 12, 15.5],
  ['WBC', 'K/uL', 3.4, 10.8],
] as const;

/** A MyChart-style results table with `rows` rows of synthetic values, deterministic for a given size. */
export function generatedLabPage(rows: number): string {
  const body: string[] = [];
  for (let i = 0; i < rows; i++) {
    const [name, unit, low, high] = TESTS[i % TESTS.length]!;
    const value = (low + (((i * 7919) % 100) / 100) * (high - low) * 1.4).toFixed(2);
    const flag = Number(value) > high ? 'H' : '';
    const day = String((i % 28) + 1).padStart(2, '0');
    body.push(
      `<tr><td class="nameCol">${name} #${i + 1}</td><td class="valueCol">${value} ${unit}</td><td class="rangeCol">${low} - ${high} ${unit}</td><td class="flagCol">${flag}</td><td>10/${day}/2026</td></tr>`,
    );
  }
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Test Details - Results history (${rows} rows) - MyChart</title></head>
<body data-mychart-app="true"><main role="main"><h1 class="_PageHeading">Results history</h1>
<div class="OrderMetadataLabelValue"><span class="InfoLabel">Collected</span><span class="InfoValue">10/28/2026 8:14 AM</span></div>
<table class="components"><thead><tr><th>Component</th><th>Your Value</th><th>Standard Range</th><th>Flag</th><th>Date</th></tr></thead>
<tbody>${body.join('\n')}</tbody></table></main></body></html>`;
}

/**
 * The same page without what tells a reader the columns or the portal: no header row, no class names, no
 * MyChart marks in the markup or the title. Only the rows' content says what each cell is.
 */
export const bareLabPage = (rows: number): string =>
  generatedLabPage(rows)
    .replace(/<thead>.*?<\/thead>/s, '')
    .replace(/ class="[^"]*"/g, '')
    .replace(/ data-mychart-app="true"/, '')
    .replace(/ - MyChart<\/title>/, '</title>');

export const LOGIN_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>MyChart - Login Page</title></head>
<body><form action="/mychart/Authentication/Login" method="post"><label>Username <input name="Login"></label>
<label>Password <input type="password" name="Password"></label><button>Sign in</button></form></body></html>`;

/**
 * A "PDF" of exactly `mb` MiB, deterministic (a PDF header, then a byte pattern), written with back-pressure
 * so the server never holds it whole. Tests hash it with `generatedPdfSha256`.
 */
export function generatedPdfChunk(index: number): Buffer {
  const chunk = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 31 + index * 7) & 0xff;
  if (index === 0) chunk.write('%PDF-1.4\n% synthetic large attachment\n', 0, 'latin1');
  return chunk;
}

export function streamGeneratedPdf(res: import('node:http').ServerResponse, mb: number): void {
  let index = 0;
  const write = () => {
    while (index < mb) {
      if (!res.write(generatedPdfChunk(index++))) return void res.once('drain', write);
    }
    res.end();
  };
  write();
}

/** A pathology page linking a generated PDF of `mb` MiB (for the large-attachment measurement). */
export function generatedReportPage(mb: number): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Pathology report with a ${mb} MB scan</title></head>
<body><main><h1>Surgical Pathology Report</h1><h2>Final Diagnosis</h2><p>Synthetic report for a ${mb} MB attachment.</p>
<p><a href="/generated/report.pdf?mb=${mb}">Download report (PDF)</a></p></main></body></html>`;
}
