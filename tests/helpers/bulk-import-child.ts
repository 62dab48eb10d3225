// Child process for the SIGKILL test: imports a corpus in small batches and
// reports each committed batch on stdout so the parent can kill it mid-way.
import { importCorpus } from '../../native/service/import-corpus.js';
import { Project } from '../../native/store/project.js';

const [dir, file] = process.argv.slice(2);
const p = Project.open(dir);
await importCorpus(p, file, {
  batchSize: 50,
  onProgress: ({ done }) => process.stdout.write(`batch ${done}\n`),
});
p.close();
process.stdout.write('finished\n');
