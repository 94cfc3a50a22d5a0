// Filters observations by area through the client openapi-generator made from our contract (typescript-fetch), as a
// user of the generated client would: typed parameters, enums for the closed sets. Prints geo,time,value lines.
// Run by GeneratedClientTest: node filter-by-area.js <basePath> <datasetId> <geo codes>.
import { Configuration } from './typescript-fetch/runtime';
import { ObservationsApi, GetObservationsFormatEnum, GetObservationsLabelsEnum } from './typescript-fetch/apis/ObservationsApi';

declare const process: { argv: string[]; exit(code: number): never };

async function main(): Promise<void> {
    const [basePath, datasetId, geo] = process.argv.slice(2);
    const api = new ObservationsApi(new Configuration({ basePath }));
    const doc = await api.getObservations({ datasetId, geo, format: GetObservationsFormatEnum.Json, labels: GetObservationsLabelsEnum.Code });
    for (const o of doc.observations ?? []) {
        console.log(`${o['geo']},${o.time},${o.value}`);
    }
}

main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
});
