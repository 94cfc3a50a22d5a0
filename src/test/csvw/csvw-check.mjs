// A CSV on the Web processor run against the server, as a data user's tool would: fetch the CSV, follow its
// Link rel="describedby" to the metadata (W3C CSVW "Model for Tabular Data and Metadata" §5.2), parse the metadata as
// JSON-LD, check that the metadata describes this very CSV (its url, resolved against the metadata's own URL, is the
// CSV's URL: §5.1, else a processor must ignore the metadata), then convert the CSV to RDF with the metadata
// (rdf-parser-csvw, an implementation of "Generating RDF from Tabular Data on the Web").
// Offline: the CSVW JSON-LD context (http://www.w3.org/ns/csvw) is the copy inside rdf-parser-csvw (its W3C test
// fixture), never fetched; any other remote document is refused.
//
// node csvw-check.mjs <csv URL>  →  one JSON object on stdout: metadata URL, table URL, columns, quads, and the
// triples of the CSV's data rows (subject, predicate, object with datatype), for the JUnit test to check.
import { readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import rdf from 'rdf-ext'
import { JsonLdParser } from 'jsonld-streaming-parser'
import CsvwParser from 'rdf-parser-csvw'

const CSVW_CONTEXT = JSON.parse(readFileSync(new URL('./node_modules/rdf-parser-csvw/test/support/csvw.json', import.meta.url)))

const offlineLoader = {
  async load (url) {
    if (url.replace(/#$/, '').replace(/\.jsonld$/, '') === 'http://www.w3.org/ns/csvw') return CSVW_CONTEXT
    throw new Error(`offline: refusing to fetch ${url}`)
  }
}

function describedBy (link, base) {
  for (const part of (link || '').split(/,(?=\s*<)/)) {
    const m = part.match(/<([^>]*)>(.*)/)
    if (m && /rel="?describedby"?/.test(m[2])) return new URL(m[1], base).href
  }
  return null
}

async function main () {
  const csvUrl = process.argv[2]
  const csvResponse = await fetch(csvUrl, { headers: { Accept: 'text/csv' } })
  if (!csvResponse.ok) throw new Error(`CSV: HTTP ${csvResponse.status}`)
  const csv = await csvResponse.text()
  const metadataUrl = describedBy(csvResponse.headers.get('link'), csvUrl)
  if (!metadataUrl) throw new Error('the CSV has no Link rel="describedby"')
  const metadataResponse = await fetch(metadataUrl)
  if (!metadataResponse.ok) throw new Error(`metadata: HTTP ${metadataResponse.status}`)
  const metadataText = await metadataResponse.text()
  const metadataJson = JSON.parse(metadataText)
  const tableUrl = new URL(metadataJson.url, metadataUrl).href

  const metadata = rdf.dataset()
  const jsonld = new JsonLdParser({ baseIRI: metadataUrl, documentLoader: offlineLoader, dataFactory: rdf })
  await new Promise((resolve, reject) => {
    jsonld.on('data', quad => metadata.add(quad))
    jsonld.on('error', reject)
    jsonld.on('end', resolve)
    jsonld.write(metadataText)
    jsonld.end()
  })

  const parser = new CsvwParser({ factory: rdf })
  const output = parser.import(Readable.from([csv]), { baseIRI: tableUrl, metadata })
  const quads = await rdf.dataset().import(output)
  const triples = []
  for (const q of quads) {
    triples.push({
      s: q.subject.value,
      p: q.predicate.value,
      o: q.object.value,
      datatype: q.object.termType === 'Literal' ? q.object.datatype.value : null,
      language: q.object.termType === 'Literal' ? q.object.language : null
    })
  }
  const columns = (metadataJson.tableSchema && metadataJson.tableSchema.columns || []).map(c => c.name)
  process.stdout.write(JSON.stringify({ metadataUrl, tableUrl, csvUrl, columns, metadataQuads: metadata.size, quads: quads.size, triples }))
}

main().catch(err => {
  process.stderr.write(String(err && err.stack || err) + '\n')
  process.exit(1)
})
